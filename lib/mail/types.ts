// Shared shapes of the pure mail layer. Everything here is plain data: it crosses
// from the parser to the review rules, the database and the browser unchanged.

export type Address = { name: string; email: string };

/** What parseSubject() reads out of a subject line (b4's LoreSubject rules). */
export type SubjectInfo = {
  /** Subject with Re:/Fwd: and every leading [...] group removed. */
  title: string;
  isReply: boolean;
  revision: number;
  revisionInferred: boolean;
  counter: number;
  total: number;
  countersInferred: boolean;
  isRfc: boolean;
  isResend: boolean;
  /** "(subset)" after Re: -- b4 ty's partial-apply thank-you. */
  isSubset: boolean;
  /** Other tokens inside the brackets (e.g. "kvm-unit-tests", "net-next"). */
  prefixes: string[];
};

export type DiffFile = { path: string; oldPath?: string; added: number; removed: number };

export type DiffInfo = {
  files: DiffFile[];
  added: number;
  removed: number;
  /** Function names from `@@ ... @@ func` hunk headers. */
  hunkHeaders: string[];
  /** Text of added / removed lines, without the leading +/- (for search). */
  addedText: string;
  removedText: string;
};

/** One message after parsing: what the review rules and the store need. */
export type ParsedMessage = {
  messageId: string;
  /** True when the Message-ID was missing or unusable and we derived one from the raw bytes. */
  messageIdSynthesized: boolean;
  inReplyTo: string | null;
  references: string[];
  from: Address | null;
  date: string | null; // ISO-8601 UTC
  subject: string;
  subjectInfo: SubjectInfo;
  body: string; // decoded text/plain (or text from HTML), CRLF normalised to LF
  hasDiff: boolean;
  hasDiffstat: boolean;
  diff: DiffInfo | null;
  /** Things we assumed or could not read, e.g. "bad Date header". Never fatal. */
  warnings: string[];
};

export type MessageKind = "cover" | "patch" | "reply" | "unknown";

/** One message as the threading and review rules see it (a subset of ParsedMessage plus classification). */
export type ThreadMessage = {
  messageId: string;
  /** Resolved parent: In-Reply-To if stored, else the newest stored Reference; null at a root. */
  parentId: string | null;
  kind: MessageKind;
  from: Address | null;
  date: string | null;
  subject: string;
  subjectInfo: SubjectInfo;
  body: string;
  hasDiff: boolean;
  files: string[];
};
