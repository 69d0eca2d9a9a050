import Link from "next/link";
import { ARCH_LABELS } from "@/lib/review/arch";
import type { SeriesOverview } from "@/lib/db/series-list";
import { formatDay } from "@/lib/format";

function chipClass(c: SeriesOverview["chips"][number]): string {
  if (c.applied === c.patches) return "border-emerald-700 bg-emerald-700 text-white dark:bg-emerald-500 dark:text-black";
  if (c.owed === 0) return "border-green-700 bg-green-100 text-green-900 dark:bg-green-900 dark:text-green-50";
  return "border-red-700 bg-red-50 text-red-900 dark:bg-red-950 dark:text-red-100";
}

export function SeriesTable({ series, showOwedByMe }: { series: SeriesOverview[]; showOwedByMe: boolean }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm" data-testid="series-list">
        <thead className="border-b border-zinc-300 text-zinc-600 dark:border-zinc-700 dark:text-zinc-300">
          <tr>
            <th scope="col" className="py-1 pr-3">Series</th>
            <th scope="col" className="py-1 pr-3">Rev</th>
            <th scope="col" className="hidden py-1 pr-3 sm:table-cell">Author</th>
            <th scope="col" className="py-1 pr-3">Patches</th>
            <th scope="col" className="hidden py-1 pr-3 sm:table-cell">Posted</th>
            <th scope="col" className="py-1 pr-3">Last activity</th>
            <th scope="col" className="py-1 pr-3">Per arch (acked / owed / applied)</th>
            {showOwedByMe && <th scope="col" className="py-1 pr-3">Owed by you</th>}
          </tr>
        </thead>
        <tbody>
          {series.map((s) => (
            <tr key={s.id} className="border-b border-zinc-100 align-top dark:border-zinc-800">
              <td className="min-w-48 py-1 pr-3">
                <Link href={`/series/${s.id}`} className="text-blue-700 hover:underline dark:text-blue-300">
                  {s.title}
                </Link>
              </td>
              <td className="py-1 pr-3 font-mono whitespace-nowrap">
                v{s.revision}
                {s.revisions.map((r) => (
                  <Link key={r.id} href={`/series/${r.id}`} className="ml-1 text-xs text-blue-700 hover:underline dark:text-blue-300" title={`revision ${r.revision}`}>
                    v{r.revision}
                  </Link>
                ))}
              </td>
              <td className="hidden py-1 pr-3 sm:table-cell">
                <Link href={`/person/${encodeURIComponent(s.authorEmail)}`} className="hover:underline">
                  {s.authorName || s.authorEmail}
                </Link>
              </td>
              <td className="py-1 pr-3 font-mono">
                {s.patchCount}/{s.total}
              </td>
              <td className="hidden py-1 pr-3 font-mono whitespace-nowrap sm:table-cell">{formatDay(s.date)}</td>
              <td className="py-1 pr-3 font-mono whitespace-nowrap">{formatDay(s.lastActivity)}</td>
              <td className="min-w-64 py-1 pr-3">
                <ul className="flex flex-wrap gap-1">
                  {s.chips.map((c) => (
                    <li
                      key={c.arch}
                      className={`rounded border px-1.5 font-mono text-xs ${chipClass(c)}`}
                      title={`${ARCH_LABELS[c.arch] ?? c.arch}: ${c.patches} patches, ${c.acked} acked/reviewed, ${c.owed} owed, ${c.applied} applied`}
                    >
                      {ARCH_LABELS[c.arch] ?? c.arch} {c.acked}/{c.owed}/{c.applied}
                    </li>
                  ))}
                </ul>
              </td>
              {showOwedByMe && <td className="py-1 pr-3 font-mono">{s.owedByMe}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
