import Link from "next/link";
import { notFound } from "next/navigation";
import { ArchChip } from "@/components/arch-chip";
import { MailBody } from "@/components/mail-body";
import { KeyboardNav } from "@/components/keyboard-nav";
import { SectionList } from "@/components/section-list";
import { SimSlot } from "@/components/sim-slot";
import { findFaultPathArch } from "@/lib/review/arch";
import { ThreadView } from "@/components/thread-view";
import { TrailerList } from "@/components/trailer-list";
import { getPatchById, getPatchInOtherRevisions, getPatchNeighbours, getPatchThread } from "@/lib/db/patches";
import { toSection } from "@/lib/db/report";
import { formatDate, loreUrl, parseId, parseJsonArray, rawUrl } from "@/lib/format";

export const dynamic = "force-dynamic";

export default async function PatchPage(props: { params: Promise<{ id: string }> }) {
  const { id } = await props.params;
  const patchId = parseId(id);
  if (!patchId) notFound();
  const patch = await getPatchById(patchId);
  if (!patch) notFound();
  const [thread, { prev, next }, others] = await Promise.all([
    getPatchThread(patch.id, patch.messageId),
    getPatchNeighbours(patch.series.id, patch.number),
    getPatchInOtherRevisions(patch, patch.series),
  ]);
  const files = parseJsonArray(patch.files);
  const faultArch = findFaultPathArch(files);
  return (
    <article className="space-y-5">
      <KeyboardNav prevHref={prev ? `/patch/${prev.id}` : undefined} nextHref={next ? `/patch/${next.id}` : undefined} />
      <nav aria-label="Patch navigation" className="flex flex-wrap gap-3 text-sm">
        <Link href={`/series/${patch.series.id}`} className="text-blue-700 hover:underline dark:text-blue-300">
          ← v{patch.series.revision} {patch.series.title}
        </Link>
        <span className="ml-auto" />
        {prev && (
          <Link href={`/patch/${prev.id}`} rel="prev" className="text-blue-700 hover:underline dark:text-blue-300">
            ‹ patch {prev.number}
          </Link>
        )}
        {next && (
          <Link href={`/patch/${next.id}`} rel="next" className="text-blue-700 hover:underline dark:text-blue-300">
            patch {next.number} ›
          </Link>
        )}
      </nav>
      <header className="space-y-1">
        <h1 className="text-lg font-semibold">{patch.subject}</h1>
        <p className="text-sm text-zinc-600 dark:text-zinc-300">
          {patch.authorName} &lt;{patch.authorEmail}&gt; · {formatDate(patch.date)} · +{patch.added}/−{patch.removed} in {files.length} file(s) ·{" "}
          <a href={loreUrl(patch.messageId)} className="text-blue-700 hover:underline dark:text-blue-300">lore</a> ·{" "}
          <a href={rawUrl(patch.messageId)} className="text-blue-700 hover:underline dark:text-blue-300">raw</a>
        </p>
        <p className="space-x-1">
          {patch.arches.map((a) => (
            <ArchChip key={a.arch} arch={a.arch} source={a.source} />
          ))}
        </p>
        {patch.appliedTree && (
          <p className="text-sm" data-testid="applied">
            <strong className="text-green-700 dark:text-green-300">Applied</strong> to <code className="font-mono">{patch.appliedTree}</code>
            {patch.appliedCommit && <> as <code className="font-mono">{patch.appliedCommit}</code></>} by {patch.appliedBy}
          </p>
        )}
      </header>
      {others.length > 0 && (
        <ul className="text-sm" data-testid="other-revisions">
          {others.map((o) => (
            <li key={o.id}>
              Same patch in{" "}
              <Link href={`/patch/${o.id}`} className="font-mono text-blue-700 hover:underline dark:text-blue-300">
                v{o.revision} {String(o.number).padStart(2, "0")}
              </Link>
              {o.carried.length > 0 && <span className="text-green-800 dark:text-green-300"> · carried: {o.carried.join(", ")}</span>}
              {o.dropped.length > 0 && <span className="text-amber-800 dark:text-amber-300"> · not carried: {o.dropped.join(", ")}</span>}
            </li>
          ))}
        </ul>
      )}
      <TrailerList trailers={patch.trailers} />
      <SectionList sections={patch.sections.map(toSection)} />
      <details className="rounded border border-zinc-200 p-2 dark:border-zinc-800" open={thread.length === 0}>
        <summary className="cursor-pointer text-sm font-medium">Patch mail and diff ({files.length} files)</summary>
        <ul className="mt-2 font-mono text-xs">
          {files.map((f) => (
            <li key={f}>{f}</li>
          ))}
        </ul>
        <MailBody body={patch.message.body} />
      </details>
      <ThreadView rootId={patch.messageId} messages={thread} />
      {faultArch && <SimSlot arch={faultArch} patchHrefPrefix={`/series/${patch.series.id}#patch-`} />}
    </article>
  );
}
