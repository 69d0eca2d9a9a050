import libmime from "libmime";
import { decode as decodeCharset } from "libmime/lib/charset";
import libqp from "libqp";
import addressparser from "nodemailer/lib/addressparser";

// A strict fast path in front of mailparser for the common case of list mail: one text/plain part,
// 7bit/8bit/quoted-printable, charset utf-8/us-ascii/iso-8859-1, plain headers. It returns exactly
// the fields parse-message.ts reads from mailparser's ParsedMail, or null ("not sure": take
// mailparser) for anything else: multipart, base64, other charsets, format=flowed, dispositions,
// CR line breaks in the header, repeated key headers, unreadable dates, odd header lines.
//
// It reuses the primitives mailparser itself calls (libmime's header and encoded-word decoding,
// nodemailer's addressparser, libqp; the exact versions mailparser pins) and replicates the steps
// around them (mailsplit's header splitting, mailparser's processHeaders and text decoding). What
// it skips is mailparser's stream machinery, which cost far more than the decoding itself.
// scripts/bench/parse-compare.ts and fast-parse.test.ts check that both paths give the same
// ParsedMessage on every message of the corpus.

/** The parts of a parsed message parse-message.ts builds a ParsedMessage from (both paths fill it). */
export type MailFields = {
  /** Raw header values (first occurrence, unfolded, name dropped), as headerText() reads them. */
  messageIdHeader: string | undefined;
  inReplyToHeader: string | undefined;
  referencesHeader: string | undefined;
  /** Decoded Subject; undefined when missing or empty. */
  subject: string | undefined;
  /** First address of From: (decoded name), or undefined. */
  from: { name?: string; address?: string } | undefined;
  date: Date | undefined;
  /** The decoded text body (LF line breaks), or undefined. */
  text: string | undefined;
  /** Text of text/x-patch or .patch/.diff attachments, joined by "\n" ("" when none). */
  attachedPatches: string;
};

/** Headers mailsplit bounds at 1 MiB; ours are a few KiB. Above this, let mailparser decide. */
const MAX_FAST_HEAD = 256 * 1024;
const HEADER_NAME_RE = /^[\x21-\x39\x3b-\x7e]+:/;
/** Headers whose first occurrence decides something; a second one means "take mailparser". */
const SINGLE = new Set(["message-id", "in-reply-to", "references", "subject", "from", "date", "content-type", "content-transfer-encoding", "content-disposition"]);
const ENCODED_WORD = /[=]\?[^?]+\?[BbQq]\?[^?]*\?[=]/;

function decodeWordsSafe(s: string): string {
  try {
    return libmime.decodeWords(s);
  } catch {
    return s;
  }
}

/** mailparser's processHeaders value: unfold, drop the name, trim, then read the bytes as UTF-8. */
function headerValue(line: string): string {
  const value = (libmime.decodeHeader(line).value || "").toString().trim();
  return Buffer.from(value, "binary").toString();
}

/** headerText() of parse-message.ts on mailsplit's line. */
function rawHeaderText(line: string): string {
  return line.replace(/^[^:]*:\s*/, "").replace(/\r?\n[ \t]+/g, " ");
}

export function fastParseFields(raw: Buffer): MailFields | null {
  // The header block: up to the first empty line, LF only (mailsplit's CRLF handling is not worth copying).
  const sep = raw.indexOf("\n\n");
  if (sep < 0 || sep + 1 > MAX_FAST_HEAD) return null;
  const head = raw.subarray(0, sep + 1);
  if (head.indexOf(0x0d) >= 0) return null;
  const rawLines = head.toString("latin1").slice(0, -1).split("\n");
  // mailsplit's Headers._parseHeaders: a line starting with SP/HTAB continues the previous one ("\r\n" joined).
  const lines = new Map<string, string>();
  let lastKey: string | null = null;
  for (const l of rawLines) {
    const c = l.charCodeAt(0);
    if (c === 0x20 || c === 0x09) {
      if (lastKey === null) return null; // continuation before any header
      if (!/[^ \t]/.test(l)) return null; // whitespace-only line: leave to mailsplit
      if (SINGLE.has(lastKey)) lines.set(lastKey, `${lines.get(lastKey)}\r\n${l}`);
      continue;
    }
    if (!HEADER_NAME_RE.test(l)) return null; // an mbox "From " line, a missing colon, a space before it
    const key = l.slice(0, l.indexOf(":")).toLowerCase();
    lastKey = key;
    if (!SINGLE.has(key)) continue;
    if (lines.has(key)) return null;
    lines.set(key, l);
  }

  // Content-Disposition: absent or a bare "inline" (mutt writes it on every mail).
  const disp = lines.get("content-disposition");
  if (disp !== undefined && (libmime.decodeHeader(disp).value || "").toString().trim().toLowerCase() !== "inline") return null;

  // Content-Type: absent (text/plain) or text/plain with at most charset, format and delsp.
  let charset = "utf-8";
  let flowed = false;
  let delSp = false;
  const ct = lines.get("content-type");
  if (ct !== undefined) {
    // mailsplit parses the value read with Headers.getFirst (decodeHeader().value, trimmed).
    const v = (libmime.decodeHeader(ct).value || "").toString().trim();
    if (/[(\\]/.test(v)) return null; // comments and escapes: leave them to mailsplit
    const parsed = libmime.parseHeaderValue(v, { stripComments: true });
    if ((parsed.value || "").toLowerCase().trim() !== "text/plain") return null;
    for (const [k, pv] of Object.entries(parsed.params)) {
      if (k === "charset") charset = String(pv);
      else if (k === "format") flowed = String(pv).toLowerCase().trim() === "flowed";
      else if (k === "delsp") delSp = String(pv).toLowerCase().trim() === "yes";
      else return null;
    }
  }
  const cs = charset.toLowerCase().replace(/[^a-z0-9]+/g, "");
  let latin1: boolean;
  if (cs === "utf8" || cs === "usascii" || cs === "ascii") latin1 = false;
  else if (cs === "iso88591" || cs === "latin1") latin1 = true;
  else return null;

  let encoding = "";
  const cte = lines.get("content-transfer-encoding");
  if (cte !== undefined) {
    encoding = (libmime.decodeHeader(cte).value || "").toString().trim().toLowerCase();
    if (encoding !== "7bit" && encoding !== "8bit" && encoding !== "quoted-printable") return null;
  }

  let date: Date | undefined;
  const dateLine = lines.get("date");
  if (dateLine !== undefined) {
    // An empty or unreadable Date: mailparser substitutes "now"; leave that to it.
    date = new Date(headerValue(dateLine));
    if (Number.isNaN(date.getTime())) return null;
  }

  let subject: string | undefined;
  const subjectLine = lines.get("subject");
  if (subjectLine !== undefined) subject = decodeWordsSafe(headerValue(subjectLine)) || undefined;

  let from: MailFields["from"];
  const fromLine = lines.get("from");
  if (fromLine !== undefined) {
    const addrs = addressparser(headerValue(fromLine)) as { name?: string; address?: string; group?: unknown }[];
    const a = addrs[0];
    if (a) {
      if (a.group) return null;
      // mailparser's decodeAddresses: encoded words and punycode in the address are left to it.
      if (a.address && (ENCODED_WORD.test(a.address) || /@xn--/.test(a.address))) return null;
      let name = (a.name || "").toString().trim();
      if (name) name = decodeWordsSafe(name);
      from = { name, address: a.address };
    }
  }

  // Body: everything after the empty line, transfer-decoded, then charset-decoded as mailparser does.
  let bytes: Buffer = raw.subarray(sep + 2);
  if (encoding === "quoted-printable") bytes = libqp.decode(bytes);
  // mailsplit's FlowedDecoder, between transfer and charset decoding (and only on a non-empty body).
  if (flowed && bytes.length) bytes = Buffer.from(libmime.decodeFlowed(bytes.toString("binary"), delSp), "binary");
  const decoded = latin1 ? decodeCharset(bytes, charset) : bytes.toString("utf8");
  const text = decoded.includes("\r") ? decoded.replace(/\r?\n/g, "\n") : decoded;

  const get = (k: string) => {
    const l = lines.get(k);
    return l === undefined ? undefined : rawHeaderText(l);
  };
  return {
    messageIdHeader: get("message-id"),
    inReplyToHeader: get("in-reply-to"),
    referencesHeader: get("references"),
    subject,
    from,
    date,
    text,
    attachedPatches: "",
  };
}
