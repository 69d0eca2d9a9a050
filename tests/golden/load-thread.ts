import { readFileSync } from "node:fs";
import { classifyMessage } from "../../lib/mail/classify";
import { splitMbox } from "../../lib/mail/mbox";
import { parseMessage } from "../../lib/mail/parse-message";
import { groupIntoSeries } from "../../lib/mail/threading";
import type { ParsedMessage, ThreadMessage } from "../../lib/mail/types";

// Real mbox -> ThreadMessage[] through the project's own mail layer (mbox.ts, parse-message.ts,
// classify.ts, threading.ts), the way lib/ingest.ts feeds the review rules.

export async function loadThread(file: string): Promise<{ messages: ThreadMessage[]; parsed: ParsedMessage[] }> {
  const parsed: ParsedMessage[] = [];
  for (const raw of splitMbox(readFileSync(file))) {
    const r = await parseMessage(raw);
    if (r.ok) parsed.push(r.message);
  }
  const kinds = parsed.map((p) =>
    classifyMessage({
      subjectInfo: p.subjectInfo,
      hasDiff: p.hasDiff,
      hasDiffstat: p.hasDiffstat,
      hasReferences: p.references.length > 0 || p.inReplyTo !== null,
      body: p.body,
    }),
  );
  const threading = groupIntoSeries(
    parsed.map((p, i) => ({
      messageId: p.messageId,
      inReplyTo: p.inReplyTo,
      references: p.references,
      kind: kinds[i],
      subject: p.subject,
      subjectInfo: p.subjectInfo,
      from: p.from,
      date: p.date,
    })),
  );
  const messages = parsed.map(
    (p, i): ThreadMessage => ({
      messageId: p.messageId,
      parentId: threading.messages.get(p.messageId)?.parentId ?? null,
      kind: kinds[i],
      from: p.from,
      date: p.date,
      subject: p.subject,
      subjectInfo: p.subjectInfo,
      body: p.body,
      hasDiff: p.hasDiff,
      files: (p.diff?.files ?? []).map((f) => f.path).filter((f) => f !== "/dev/null"),
    }),
  );
  return { messages, parsed };
}
