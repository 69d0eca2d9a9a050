import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { MailBody } from "@/components/mail-body";
import { messageAnchor } from "@/components/thread-view";
import { getMessageById } from "@/lib/db/patches";
import { formatDate, loreUrl, rawUrl } from "@/lib/format";

export const dynamic = "force-dynamic";

// A single message. Mail that belongs to a patch's discussion is shown in that thread instead.
export default async function MessagePage(props: { params: Promise<{ mid: string }> }) {
  const messageId = decodeURIComponent((await props.params).mid);
  if (!messageId || messageId.length > 1000) notFound();
  const m = await getMessageById(messageId);
  if (!m) notFound();
  if (m.patchId) redirect(`/patch/${m.patchId}#${messageAnchor(m.messageId)}`);
  return (
    <article className="space-y-3">
      <h1 className="text-lg font-semibold">{m.subject || "(no subject)"}</h1>
      <p className="text-sm text-zinc-600 dark:text-zinc-300">
        {m.fromName || m.fromEmail} {m.fromEmail && <>&lt;{m.fromEmail}&gt;</>} · {formatDate(m.date)} ·{" "}
        <a href={loreUrl(m.messageId)} className="text-blue-700 hover:underline dark:text-blue-300">lore</a> ·{" "}
        <a href={rawUrl(m.messageId)} className="text-blue-700 hover:underline dark:text-blue-300">raw</a>
        {m.series && (
          <>
            {" · in "}
            <Link href={`/series/${m.series.id}`} className="text-blue-700 hover:underline dark:text-blue-300">
              v{m.series.revision} {m.series.title}
            </Link>
          </>
        )}
      </p>
      {m.parseError && (
        <p className="rounded border border-amber-600 p-2 text-sm" role="status">
          This message could not be parsed ({m.parseError}); its raw text is kept.
        </p>
      )}
      <MailBody body={m.body} />
    </article>
  );
}
