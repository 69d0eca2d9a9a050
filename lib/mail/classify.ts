import type { MessageKind, SubjectInfo } from "./types";

// b4's LoreMailbox.add_message order (review-rules.md §2.2): reply, cover, patch, unknown.
// A mail without "Re:" that has References, carries trailers and no diff is a reply too
// (LoreMessage.__init__): people answer with "[PATCH ...]" subjects kept intact.

const TRAILER_LINE_RE = /^[ \t]*[A-Za-z][\w-]*-by:[ \t]+\S.*@/m;

/** Trailer-looking lines outside quotes: enough for classification (the full rules are in trailers.ts). */
export function hasTrailerLines(body: string): boolean {
  return TRAILER_LINE_RE.test(body);
}

export function classifyMessage(m: {
  subjectInfo: SubjectInfo;
  hasDiff: boolean;
  hasDiffstat: boolean;
  hasReferences: boolean;
  body: string;
}): MessageKind {
  const s = m.subjectInfo;
  if (s.isReply) return "reply";
  if (s.counter === 0 && (!s.countersInferred || m.hasDiffstat)) return "cover";
  if (m.hasDiff) return "patch";
  if (m.hasReferences && hasTrailerLines(m.body)) return "reply";
  return "unknown";
}
