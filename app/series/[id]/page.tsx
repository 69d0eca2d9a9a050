import Link from "next/link";
import { notFound } from "next/navigation";
import { ArchChip } from "@/components/arch-chip";
import { ArchMatrixTable } from "@/components/arch-matrix";
import { MailBody } from "@/components/mail-body";
import { SimSlot } from "@/components/sim-slot";
import { getArchMatrix } from "@/lib/db/matrix";
import { getSeriesById, getSeriesRevisions } from "@/lib/db/series";
import { formatDate, parseId, parseJsonArray } from "@/lib/format";
import { findFaultPathArch } from "@/lib/review/arch";

export const dynamic = "force-dynamic";

export default async function SeriesPage(props: { params: Promise<{ id: string }>; searchParams: Promise<{ arch?: string }> }) {
  const [{ id }, { arch }] = await Promise.all([props.params, props.searchParams]);
  const seriesId = parseId(id);
  if (!seriesId) notFound();
  const series = await getSeriesById(seriesId);
  if (!series) notFound();
  const [revisions, matrix] = await Promise.all([getSeriesRevisions(series.topic, series.authorEmail), getArchMatrix(series.id)]);
  const selected = matrix.rows.some((r) => r.arch === arch) ? arch : undefined;
  const touchesFaultPath = series.patches.some((p) => findFaultPathArch(parseJsonArray(p.files)) !== null);
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-xl font-semibold">
          <span className="font-mono text-zinc-500 dark:text-zinc-400">[v{series.revision}]</span> {series.title}
        </h1>
        <p className="text-sm text-zinc-600 dark:text-zinc-300">
          {series.authorName} &lt;{series.authorEmail}&gt; · {formatDate(series.date)} · {series.patches.length}/{series.total} patches ·{" "}
          {series.messageCount} messages · last activity {formatDate(series.lastActivity)}
          {revisions.length > 1 && (
            <>
              {" · revisions:"}
              {revisions.map((r) =>
                r.id === series.id ? (
                  <strong key={r.id} className="font-mono"> v{r.revision}</strong>
                ) : (
                  <Link key={r.id} href={`/series/${r.id}`} className="ml-1 font-mono text-blue-700 hover:underline dark:text-blue-300">
                    v{r.revision}
                  </Link>
                ),
              )}
            </>
          )}
        </p>
      </div>
      <div className="grid gap-6 xl:grid-cols-[minmax(0,1fr)_minmax(0,1fr)]">
        <section id="arch-matrix" aria-labelledby="matrix-h" className="min-w-0">
          <h2 id="matrix-h" className="mb-2 text-lg font-semibold">Review status per architecture</h2>
          <ArchMatrixTable matrix={matrix} seriesId={series.id} selected={selected} />
        </section>
        {touchesFaultPath ? (
          <SimSlot arch={selected ?? matrix.rows.find((r) => r.arch !== "common")?.arch ?? "x86"} />
        ) : (
          <details className="min-w-0 self-start rounded border border-zinc-200 p-3 text-sm dark:border-zinc-800">
            <summary className="cursor-pointer">Fault-path simulator (this series changes no KVM fault path)</summary>
            <SimSlot arch={selected ?? "x86"} />
          </details>
        )}
      </div>
      {series.cover && (
        <details className="rounded border border-zinc-200 p-2 dark:border-zinc-800">
          <summary className="cursor-pointer text-sm font-medium">Cover letter</summary>
          <MailBody body={series.cover.body} />
        </details>
      )}
      <section aria-labelledby="patches-h">
        <h2 id="patches-h" className="mb-2 text-lg font-semibold">Patches</h2>
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm" data-testid="patch-table">
            <thead className="border-b border-zinc-300 text-zinc-600 dark:border-zinc-700 dark:text-zinc-300">
              <tr>
                <th scope="col" className="py-1 pr-2">#</th>
                <th scope="col" className="py-1 pr-2">Subject</th>
                <th scope="col" className="py-1 pr-2">Arches</th>
                <th scope="col" className="py-1 pr-2">Replies</th>
                <th scope="col" className="py-1 pr-2">Review trailers</th>
              </tr>
            </thead>
            <tbody>
              {series.patches.map((p) => (
                <tr key={p.id} id={`patch-${p.number}`} className="border-b border-zinc-100 align-top dark:border-zinc-800">
                  <td className="py-1 pr-2 font-mono">{String(p.number).padStart(2, "0")}</td>
                  <td className="py-1 pr-2">
                    <Link href={`/patch/${p.id}`} className="text-blue-700 hover:underline dark:text-blue-300">
                      {p.subject.replace(/^\[[^\]]*\]\s*/, "")}
                    </Link>
                    {p.appliedTree && <span className="ml-2 rounded bg-emerald-700 px-1 text-xs text-white">applied</span>}
                  </td>
                  <td className="space-x-1 py-1 pr-2">
                    {p.arches.map((a) => (
                      <ArchChip key={a.arch} arch={a.arch} source={a.source} />
                    ))}
                  </td>
                  <td className="py-1 pr-2 font-mono">{p.replyCount}</td>
                  <td className="py-1 pr-2 font-mono">{p.trailers.filter((t) => t.verified && t.email && t.kind !== "signed-off-by").length}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </div>
  );
}
