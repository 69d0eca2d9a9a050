import Link from "next/link";
import { ARCH_LABELS } from "@/lib/review/arch";
import { PATCH_STATE_LABELS, type PatchState } from "@/lib/review/patch-state";
import type { ArchMatrix } from "@/lib/db/matrix";

const STATE_CLASS: Record<PatchState, string> = {
  applied: "bg-emerald-700 text-white dark:bg-emerald-500 dark:text-black",
  reviewed: "bg-green-200 text-green-950 dark:bg-green-800 dark:text-green-50",
  tested: "bg-amber-200 text-amber-950 dark:bg-amber-700 dark:text-amber-50",
  discussed: "bg-sky-200 text-sky-950 dark:bg-sky-800 dark:text-sky-50",
  silent: "bg-zinc-200 text-zinc-800 dark:bg-zinc-700 dark:text-zinc-100",
};

function PersonLink({ person }: { person: string }) {
  const email = person.match(/<([^>]+)>/)?.[1];
  if (!email) return <>{shortName(person)}</>;
  return (
    <Link href={`/person/${encodeURIComponent(email)}`} className="hover:underline">
      {shortName(person)}
    </Link>
  );
}

function shortName(person: string): string {
  return person.replace(/\s*<[^>]*>\s*$/, "") || person;
}

export function StateLegend() {
  return (
    <ul className="flex flex-wrap gap-2 text-xs" aria-label="Patch states">
      {(Object.keys(PATCH_STATE_LABELS) as PatchState[]).map((s) => (
        <li key={s} className={`rounded px-1.5 ${STATE_CLASS[s]}`}>
          {PATCH_STATE_LABELS[s]}
        </li>
      ))}
    </ul>
  );
}

export function ArchMatrixTable({ matrix, seriesId, selected }: { matrix: ArchMatrix; seriesId: number; selected?: string }) {
  return (
    <div className="space-y-2">
      <StateLegend />
      <div className="overflow-x-auto">
      <table className="w-full text-left text-sm" data-testid="arch-matrix">
        <thead className="border-b border-zinc-300 text-zinc-600 dark:border-zinc-700 dark:text-zinc-300">
          <tr>
            <th scope="col" className="py-1 pr-2">Arch</th>
            <th scope="col" className="py-1 pr-2 text-right">Patches</th>
            <th scope="col" className="py-1 pr-2 text-right">Acked</th>
            <th scope="col" className="py-1 pr-2 text-right">Reviewed</th>
            <th scope="col" className="py-1 pr-2 text-right">Tested</th>
            <th scope="col" className="py-1 pr-2 text-right">Applied</th>
            <th scope="col" className="py-1 pr-2">Still owed by</th>
          </tr>
        </thead>
        {matrix.rows.map((row) => (
          <tbody key={row.arch} data-testid={`arch-row-${row.arch}`} className="border-b border-zinc-100 dark:border-zinc-800">
            <tr className={selected === row.arch ? "bg-sky-50 dark:bg-sky-950" : ""}>
              <th scope="row" className="py-1 pr-2 font-medium">
                <Link href={`/series/${seriesId}?arch=${row.arch}#arch-matrix`} className="text-blue-700 hover:underline dark:text-blue-300" aria-current={selected === row.arch ? "true" : undefined}>
                  {ARCH_LABELS[row.arch] ?? row.arch}
                </Link>
              </th>
              <td className="py-1 pr-2 text-right font-mono">{row.patches}</td>
              <td className="py-1 pr-2 text-right font-mono">{row.acked}</td>
              <td className="py-1 pr-2 text-right font-mono">{row.reviewed}</td>
              <td className="py-1 pr-2 text-right font-mono">{row.tested}</td>
              <td className="py-1 pr-2 text-right font-mono">{row.applied}</td>
              <td className="min-w-56 py-1 pr-2">
                {row.owed === 0 ? (
                  <span className="text-green-700 dark:text-green-300">nobody</span>
                ) : (
                  <span>
                    {row.owedBy.map((p, i) => (
                      <span key={p}>
                        {i > 0 && ", "}
                        <PersonLink person={p} />
                      </span>
                    ))}{" "}
                    <span className="text-zinc-600 dark:text-zinc-300">({row.owed} patch{row.owed === 1 ? "" : "es"})</span>
                  </span>
                )}
              </td>
            </tr>
            <tr>
              <td colSpan={7} className="pb-2">
                <details open={selected === row.arch}>
                  <summary className="cursor-pointer text-xs text-zinc-600 dark:text-zinc-300">{row.cells.length} patches</summary>
                  <ul className="mt-1 flex flex-wrap gap-1" aria-label={`${ARCH_LABELS[row.arch] ?? row.arch} patches`}>
                    {row.cells.map((c) => (
                      <li key={c.patchId}>
                        <Link
                          href={`/patch/${c.patchId}`}
                          data-testid="patch-cell"
                          data-state={c.state}
                          data-number={c.number}
                          title={`${c.number}: ${c.title} — ${PATCH_STATE_LABELS[c.state]}${c.owedBy.length ? `; owed by ${c.owedBy.map(shortName).join(", ")}` : ""}`}
                          className={`inline-block min-w-9 rounded px-1.5 py-0.5 text-center font-mono text-xs ${STATE_CLASS[c.state]}`}
                        >
                          {String(c.number).padStart(2, "0")}
                          <span className="sr-only"> {PATCH_STATE_LABELS[c.state]}</span>
                        </Link>
                      </li>
                    ))}
                  </ul>
                </details>
              </td>
            </tr>
          </tbody>
        ))}
      </table>
      </div>
    </div>
  );
}
