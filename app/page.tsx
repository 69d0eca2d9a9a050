import Link from "next/link";
import { SeriesTable } from "@/components/series-table";
import { listSeriesOverview } from "@/lib/db/series-list";
import { isEmailAddress } from "@/lib/format";
import { ARCH_LABELS, DASHBOARD_ARCHES } from "@/lib/review/arch";

export const dynamic = "force-dynamic";

export default async function HomePage(props: { searchParams: Promise<{ arch?: string; owed?: string }> }) {
  const { arch, owed } = await props.searchParams;
  const archFilter = arch && /^[a-z0-9_-]{1,20}$/.test(arch) ? arch : undefined;
  const owedFilter = owed && isEmailAddress(owed) ? owed : undefined;
  const series = await listSeriesOverview({ arch: archFilter, owedBy: owedFilter });
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold">Series</h1>
      <form method="get" className="flex flex-wrap items-end gap-3 text-sm" aria-label="Filter series">
        <label className="flex flex-col">
          <span>Architecture</span>
          <select name="arch" defaultValue={archFilter ?? ""} className="rounded border border-zinc-300 bg-white px-2 py-1 dark:border-zinc-700 dark:bg-zinc-900">
            <option value="">all</option>
            {DASHBOARD_ARCHES.map((a) => (
              <option key={a} value={a}>
                {ARCH_LABELS[a]}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col">
          <span>What does this address still owe?</span>
          <input
            type="email"
            name="owed"
            defaultValue={owedFilter}
            placeholder="maz@kernel.org"
            className="w-64 rounded border border-zinc-300 bg-white px-2 py-1 font-mono dark:border-zinc-700 dark:bg-zinc-900"
          />
        </label>
        <button type="submit" className="rounded bg-zinc-800 px-3 py-1 text-white dark:bg-zinc-200 dark:text-zinc-900">
          Filter
        </button>
        {(archFilter || owedFilter) && (
          <Link href="/" className="text-blue-700 hover:underline dark:text-blue-300">
            clear
          </Link>
        )}
        {owedFilter && (
          <Link href={`/person/${encodeURIComponent(owedFilter)}`} className="text-blue-700 hover:underline dark:text-blue-300">
            {owedFilter}&apos;s page
          </Link>
        )}
      </form>
      {series.length === 0 ? (
        <p>
          {archFilter || owedFilter ? "No series match." : <>No series stored yet. Ingest an mbox with <code className="font-mono">npm run ingest -- path/to/thread.mbox</code>.</>}
        </p>
      ) : (
        <SeriesTable series={series} showOwedByMe={!!owedFilter} />
      )}
    </div>
  );
}
