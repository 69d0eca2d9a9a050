import { createHash } from "node:crypto";
import type { ParsedMail } from "mailparser";
import { hasDiff, hasDiffstat, parseDiff } from "./diff";
import { fastParseFields, type MailFields } from "./fast-parse";
import { findInReplyTo, findReferences, parseMessageIdHeader } from "./references";
import { parseSubject } from "./subject";
import type { Address, ParsedMessage } from "./types";

/** Bodies above this are cut (with a warning): nobody reviews a 4 MiB mail, and the page must stay fast. */
export const MAX_BODY_CHARS = 4 * 1024 * 1024;
const MAX_HEADER_CHARS = 2000;

export type ParseResult = { ok: true; message: ParsedMessage } | { ok: false; messageId: string; error: string; subject: string };

/** A stable id for mail without a usable Message-ID: re-ingesting the same bytes gives the same id. */
export function synthesizeMessageId(raw: Buffer): string {
  return `${createHash("sha256").update(raw).digest("hex").slice(0, 32)}@patchdash.invalid`;
}

function headerText(parsed: ParsedMail, name: string): string | undefined {
  const line = parsed.headerLines.find((h) => h.key === name);
  if (!line) return undefined;
  // headerLines keep the raw folded line "Name: value"; unfold and drop the name.
  return line.line.replace(/^[^:]*:\s*/, "").replace(/\r?\n[ \t]+/g, " ");
}

function firstAddress(a: { name?: string; address?: string } | undefined): Address | null {
  if (!a) return null;
  const email = (a.address ?? "").trim().toLowerCase().slice(0, 320);
  const name = (a.name ?? "").replace(/\s+/g, " ").trim().slice(0, 320);
  if (!email && !name) return null;
  return { name, email };
}

function parseDate(d: Date | undefined, warnings: string[]): string | null {
  if (!d) {
    warnings.push("no Date header");
    return null;
  }
  const t = d.getTime();
  // Fuzzed dates overflow (patchwork's date-too-long, year-out-of-range): keep the mail, drop the date.
  if (Number.isNaN(t) || d.getUTCFullYear() < 1970 || d.getUTCFullYear() > 9999) {
    warnings.push("unreadable Date header");
    return null;
  }
  return d.toISOString();
}

/** Text to read for diffs: the text body plus text/x-patch or .patch/.diff attachments (patchwork 0019). */
function patchAttachments(parsed: ParsedMail): string {
  const parts: string[] = [];
  for (const a of parsed.attachments ?? []) {
    const isPatch = /x-(patch|diff)/i.test(a.contentType) || /\.(patch|diff)$/i.test(a.filename ?? "");
    if (isPatch && a.size < MAX_BODY_CHARS) parts.push(a.content.toString("utf8"));
  }
  return parts.join("\n");
}

/** To:/Cc: header lines (with their continuation lines). */
const RECIPIENT_HEADER_RE = /^(to|cc)[ \t]*:/i;

/**
 * The message without its To: and Cc: headers, for mailparser only (the stored raw is untouched).
 * Nothing here reads recipients, and kernel mail carries Cc lists of dozens of addresses that
 * mailparser would parse, decode and render to HTML: about a fifth of its time on linux-mips.
 */
export function withoutRecipientHeaders(raw: Buffer): Buffer {
  const lf = raw.indexOf("\n\n");
  const crlf = raw.indexOf("\r\n\r\n");
  let headEnd: number;
  if (crlf >= 0 && (lf < 0 || crlf < lf)) headEnd = crlf + 2;
  else if (lf >= 0) headEnd = lf + 1;
  else return raw;
  const head = raw.subarray(0, headEnd).toString("latin1");
  if (!/^(to|cc)[ \t]*:/im.test(head)) return raw;
  const kept: string[] = [];
  let dropping = false;
  for (const line of head.split("\n")) {
    if (line.startsWith(" ") || line.startsWith("\t")) {
      if (!dropping) kept.push(line);
      continue;
    }
    dropping = RECIPIENT_HEADER_RE.test(line);
    if (!dropping) kept.push(line);
  }
  return Buffer.concat([Buffer.from(kept.join("\n"), "latin1"), raw.subarray(headEnd)]);
}

/** The fields parse-message reads, from mailparser's ParsedMail. */
function fieldsFromMailparser(parsed: ParsedMail): MailFields {
  const obj = Array.isArray(parsed.from) ? parsed.from[0] : parsed.from;
  return {
    messageIdHeader: headerText(parsed, "message-id") ?? parsed.messageId,
    inReplyToHeader: headerText(parsed, "in-reply-to"),
    referencesHeader: headerText(parsed, "references"),
    subject: parsed.subject,
    from: obj?.value?.[0],
    date: parsed.date,
    text: parsed.text,
    attachedPatches: patchAttachments(parsed),
  };
}

// mailparser is loaded on the first message the fast path declines: a CLI ingest of a lore thread
// (all fast path) does not pay its ~75 ms of module loading.
let mailparser: Promise<typeof import("mailparser")> | null = null;
function loadMailparser(): Promise<typeof import("mailparser")> {
  mailparser ??= import("mailparser");
  return mailparser;
}

export type ParseOptions = {
  /**
   * Try the strict fast path (lib/mail/fast-parse.ts) before mailparser. Default true; false forces
   * mailparser (scripts/bench/parse-compare.ts compares the two).
   */
  fast?: boolean;
};

export async function parseMessage(raw: Buffer, opts: ParseOptions = {}): Promise<ParseResult> {
  const fast = opts.fast === false ? null : fastParseFields(raw);
  if (fast) return { ok: true, message: buildMessage(fast, raw) };
  let parsed: ParsedMail;
  try {
    // skipTextToHtml: nothing reads textAsHtml, and building it (linkify + HTML escaping of every
    // body) was ~18% of parse time; same ParsedMessage for all 12,490 bulk-archive messages.
    const { simpleParser } = await loadMailparser();
    parsed = await simpleParser(withoutRecipientHeaders(raw), { skipHtmlToText: false, skipTextToHtml: true, skipTextLinks: true, skipImageLinks: true, keepCidLinks: false });
  } catch (err) {
    return { ok: false, messageId: synthesizeMessageId(raw), error: `MIME parse failed: ${(err as Error).message}`, subject: "" };
  }
  return { ok: true, message: buildMessage(fieldsFromMailparser(parsed), raw) };
}

/** Synchronous parse when the fast path takes the message; null when it needs mailparser. */
export function parseMessageFast(raw: Buffer): ParseResult | null {
  const fast = fastParseFields(raw);
  return fast ? { ok: true, message: buildMessage(fast, raw) } : null;
}

function buildMessage(f: MailFields, raw: Buffer): ParsedMessage {
  const warnings: string[] = [];
  const headerId = parseMessageIdHeader(f.messageIdHeader);
  const messageId = headerId ?? synthesizeMessageId(raw);
  if (!headerId) warnings.push("no usable Message-ID; derived one from the raw bytes");
  const subject = (f.subject ?? "").replace(/\s+/g, " ").trim().slice(0, MAX_HEADER_CHARS);
  let body = f.text ?? "";
  if (body.includes("\r")) body = body.replace(/\r\n?/g, "\n");
  const attached = f.attachedPatches;
  if (attached) body = body ? `${body}\n${attached}` : attached;
  if (body.length > MAX_BODY_CHARS) {
    body = body.slice(0, MAX_BODY_CHARS);
    warnings.push(`body cut at ${MAX_BODY_CHARS} characters`);
  }
  const from = firstAddress(f.from);
  if (!from) warnings.push("no From header");
  const diff = parseDiff(body);
  return {
    messageId,
    messageIdSynthesized: !headerId,
    inReplyTo: findInReplyTo(f.inReplyToHeader),
    references: findReferences(f.referencesHeader),
    from,
    date: parseDate(f.date, warnings),
    subject,
    subjectInfo: parseSubject(subject),
    body,
    hasDiff: diff !== null || hasDiff(body),
    hasDiffstat: hasDiffstat(body),
    diff,
    warnings,
  };
}
