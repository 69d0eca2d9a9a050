import type { ThreadEntry } from "@/lib/db/patches";
import { formatDate, loreUrl, rawUrl } from "@/lib/format";
import { nestThread } from "@/lib/mail/tree";
import { MailBody } from "./mail-body";

/** Indentation stops growing here so deep threads stay readable on a phone. */
const MAX_INDENT = 6;

export function messageAnchor(messageId: string): string {
  return `m-${encodeURIComponent(messageId)}`;
}

export function ThreadView({ rootId, messages }: { rootId: string; messages: ThreadEntry[] }) {
  const tree = nestThread(rootId, messages);
  return (
    <section aria-labelledby="thread-h" data-testid="thread">
      <h2 id="thread-h" className="mb-2 text-base font-semibold">Discussion ({messages.length})</h2>
      {tree.length === 0 && <p className="text-sm text-zinc-600 dark:text-zinc-300">No replies.</p>}
      <ol className="space-y-3">
        {tree.map(({ item: m, level }) => (
          <li
            key={m.messageId}
            id={messageAnchor(m.messageId)}
            data-testid="thread-message"
            data-level={level}
            tabIndex={-1}
            style={{ marginLeft: `${Math.min(level, MAX_INDENT) * 1.25}rem` }}
            className="rounded border-l-4 border-zinc-300 bg-zinc-50 p-2 dark:border-zinc-700 dark:bg-zinc-900"
          >
            <div className="flex flex-wrap gap-x-3 text-sm">
              <strong>{m.fromName || m.fromEmail}</strong>
              <span className="text-zinc-600 dark:text-zinc-300">{formatDate(m.date)}</span>
              <a href={loreUrl(m.messageId)} className="text-blue-700 hover:underline dark:text-blue-300">lore</a>
              <a href={rawUrl(m.messageId)} className="text-blue-700 hover:underline dark:text-blue-300">raw</a>
            </div>
            <div className="text-sm text-zinc-700 dark:text-zinc-300">{m.subject}</div>
            <MailBody body={m.body} />
          </li>
        ))}
      </ol>
    </section>
  );
}
