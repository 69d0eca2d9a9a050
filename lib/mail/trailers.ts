// Trailer extraction, following b4 (src/b4/__init__.py: LoreMessage.find_trailers, LoreTrailer,
// LoreMessage.get_trailers). Pure: string in, plain objects out; never throws.
//
// Where this differs from b4, the comment says so (see also tests/golden/README.md).

import type { Address } from "./types";

export type TrailerType = "person" | "utility" | "unknown";

export type Trailer = {
  /** Trailer name as written, e.g. "Acked-by". */
  name: string;
  /** Normalised (lower-case) name, e.g. "acked-by". */
  kind: string;
  /** Value; for person trailers normalised to `Name <addr>` (or the bare address), as b4 does. */
  value: string;
  type: TrailerType;
  /** The person's display name (person trailers with a name). */
  personName?: string;
  /** The address (person trailers). */
  email?: string;
  /** b4's extinfo as written: " # arm64" or the "[for the arm64 part]" line. */
  extinfo?: string;
  /** extinfo without the "#" / brackets: "arm64", "for the arm64 part". */
  note?: string;
  /** Index into body.split("\n") of the line the trailer starts on. */
  lineIndex: number;
};

/** b4: names never taken as trailers (`ignores` in find_trailers). */
const IGNORED_NAMES = new Set(["phone", "mail", "email", "e-mail", "prerequisite-message-id"]);
/** b4: accepted only before any non-trailer line. */
const HEADER_NAMES = new Set(["subject", "date", "from"]);
const LINK_NAMES = new Set(["link", "buglink", "closes"]);
/** b4: in follow-ups these need no email in the value. */
const NONPERSON_NAMES = new Set([
  ...LINK_NAMES,
  "fixes",
  "subject",
  "date",
  "obsoleted-by",
  "change-id",
  "base-commit",
]);
/** b4 LoreTrailer._utility */
const UTILITY_NAMES = new Set([
  "fixes",
  "link",
  "buglink",
  "closes",
  "obsoleted-by",
  "message-id",
  "change-id",
  "base-commit",
  "based-on",
]);
/** b4 LoreMessage.__init__: dropped from replies even when matched (commit/patch metadata). */
export const REPLY_IGNORED_NAMES: ReadonlySet<string> = new Set([
  "from",
  "author",
  "cc",
  "to",
  "date",
  "subject",
  "subscribe",
  "unsubscribe",
  "base-commit",
  "change-id",
  "message-id",
  // Ours, not b4's: mail headers pasted into replies ("References: <id@host>", "In-Reply-To:",
  // "Content-ID:" in the bulk linux-mips corpus) carry an "@" and would read as person trailers.
  "in-reply-to",
  "references",
  "reply-to",
  "sender",
  "content-id",
  "content-type",
  "return-path",
  "delivered-to",
  "received",
]);

// Python's \w is Unicode-aware for str patterns; use the Unicode classes.
const TRAILER_RE = /^\s*([\p{L}\p{N}_][^\s]+):\s+(\S.*)$/u;
const EMAIL_RE = /\S+@\S+\.\S+/;
/** Longest line we consider as a trailer (see findTrailers). */
const MAX_TRAILER_LINE = 2000;
const EXTINFO_LINE_RE = /^\s*\[[^\]]+\]\s*$/;
// b4 unwrapping, applied per line pair (b4 runs these as multi-line regexes over the body).
const WRAPPED_FIXES_HEAD_RE = /^\S+:\s+[\da-f]+\s+\([^)]+$/;
const WRAPPED_FIXES_TAIL_RE = /^[^\n]*\)/;
const WRAPPED_NAME_HEAD_RE = /^\S+:\s+[^<]+$/;
const WRAPPED_NAME_TAIL_RE = /^<[^>]+>$/;

/**
 * Parse a person value: `Name <addr>`, `"Name" <addr>`, bare `addr`, HTML junk like
 * `Name <a@b.org<mailto:a@b.org>>`. Names with parentheses, brackets and commas are kept as written.
 */
export function parsePersonValue(value: string): { name: string; email: string; loose?: true } | null {
  const cleaned = value.replace(/<mailto:[^>]*>/gi, "").trim();
  const m = /^(.*?)\s*<([^<>\s]+@[^<>\s]+)>\s*$/.exec(cleaned);
  if (m) {
    let name = m[1].trim();
    if (name.length >= 2 && name.startsWith('"') && name.endsWith('"')) name = name.slice(1, -1).trim();
    return { name, email: m[2] };
  }
  const bare = /^<?([^<>\s]+@[^<>\s]+?)>?$/.exec(cleaned);
  if (bare) return { name: "", email: bare[1] };
  // Address somewhere in free text, e.g. "Foo Bar foo@bar.org (some note)".
  const any = /<?([^<>\s(),]+@[^<>\s(),]+\.[^<>\s(),]+?)>?(?=[\s,)]|$)/.exec(cleaned);
  if (any) {
    const name = cleaned.slice(0, any.index).trim();
    return { name, email: any[1], loose: true };
  }
  return null;
}

function makeTrailer(name: string, rawValue: string, extinfo: string | undefined, lineIndex: number): Trailer {
  const kind = name.toLowerCase();
  const t: Trailer = { name, kind, value: rawValue, type: "unknown", lineIndex };
  if (UTILITY_NAMES.has(kind) || rawValue.includes("://")) {
    t.type = "utility";
  } else if (EMAIL_RE.test(rawValue)) {
    t.type = "person";
    const p = parsePersonValue(rawValue);
    if (p) {
      t.email = p.email;
      if (p.name) t.personName = p.name;
      // Free text around the address is kept as written.
      if (!p.loose) t.value = p.name ? `${p.name} <${p.email}>` : p.email;
    }
  }
  if (extinfo !== undefined) setExtinfo(t, extinfo);
  return t;
}

function setExtinfo(t: Trailer, extinfo: string): void {
  t.extinfo = extinfo;
  const s = extinfo.trim();
  t.note = s.startsWith("#") ? s.slice(1).trim() : s.replace(/^\[/, "").replace(/\]$/, "").trim();
}

/**
 * b4's find_trailers: the non-quoted trailer lines of a body.
 * `followup: true` applies b4's stricter follow-up rules (ASCII name, value must carry an address
 * unless it is a known non-person trailer, URLs only in Link:/BugLink:/Closes:).
 */
export function findTrailers(body: string, opts: { followup: boolean }): Trailer[] {
  const lines = body.split("\n").map((l) => l.replace(/\r+$/, ""));
  // Everything below the signature marker is dropped ("\n-- \n" in b4, so never line 0).
  let end = lines.length;
  for (let i = 1; i < lines.length; i++) {
    if (lines[i] === "-- ") {
      end = i;
      break;
    }
  }
  const trailers: Trailer[] = [];
  let seenOther = false;
  let wasTrailer = false;
  // b4 strips the body first: leading blank lines are not "other" content.
  for (let i = firstNonBlank(lines); i < end; i++) {
    let line = lines[i];
    const lineIndex = i;
    // Unwrap the two kinds of wrapped trailers b4 repairs.
    if (i + 1 < end) {
      const next = lines[i + 1];
      if (
        (WRAPPED_FIXES_HEAD_RE.test(line) && WRAPPED_FIXES_TAIL_RE.test(next)) ||
        (WRAPPED_NAME_HEAD_RE.test(line) && WRAPPED_NAME_TAIL_RE.test(next))
      ) {
        line = `${line} ${next}`;
        i++;
      }
    }
    // Mail has 100 KB lines (base64, HTML); no trailer is that long, and the regexes below must
    // not see them.
    if (line.length > MAX_TRAILER_LINE) {
      wasTrailer = false;
      seenOther = true;
      continue;
    }
    const m = TRAILER_RE.exec(line);
    if (m) {
      const name = m[1];
      let value = m[2];
      const kind = name.toLowerCase();
      // Skipped lines neither count as "other" content nor reset wasTrailer (as in b4).
      if (IGNORED_NAMES.has(kind)) continue;
      if (seenOther && HEADER_NAMES.has(kind)) continue;
      if (opts.followup) {
        if (!/^[\x00-\x7f]*$/.test(kind)) continue;
        if (!EMAIL_RE.test(value) && !NONPERSON_NAMES.has(kind)) continue;
        if (/https?:\/\//.test(value) && !LINK_NAMES.has(kind)) continue;
      }
      let extinfo: string | undefined;
      const mx = splitHashExtinfo(value);
      if (mx) [value, extinfo] = mx;
      // Newer b4: Fixes: must start with at least 6 hex digits.
      if (kind === "fixes" && !/^[0-9a-f]{6,}/i.test(value)) continue;
      trailers.push(makeTrailer(name, value, extinfo, lineIndex));
      wasTrailer = true;
      continue;
    }
    if (line.length > 2 && wasTrailer && EXTINFO_LINE_RE.test(line)) {
      setExtinfo(trailers[trailers.length - 1], line);
      wasTrailer = false;
      continue;
    }
    wasTrailer = false;
    seenOther = true;
  }
  return trailers;
}

/** b4's `(.*\S+)(\s+#[^#]+)$` on a value, without the regex's quadratic backtracking. */
function splitHashExtinfo(value: string): [string, string] | null {
  const i = value.lastIndexOf("#");
  if (i <= 0 || i === value.length - 1) return null;
  let j = i;
  while (j > 0 && /\s/.test(value[j - 1])) j--;
  if (j === i || j === 0) return null;
  return [value.slice(0, j), value.slice(j)];
}

function firstNonBlank(lines: string[]): number {
  for (let i = 0; i < lines.length; i++) if (lines[i].trim() !== "") return i;
  return lines.length;
}

/** Trailers a reply contributes (b4: find_trailers(followup=True) minus metadata names). */
export function findReplyTrailers(body: string): Trailer[] {
  return findTrailers(body, { followup: true }).filter((t) => !REPLY_IGNORED_NAMES.has(t.kind));
}

/**
 * Trailers already in a patch's commit message (b4 get_body_parts): the last paragraph of the
 * part above the first "---" line (or above the diff when there is no "---").
 */
export function findPatchTrailers(body: string): Trailer[] {
  const lines = body.split("\n").map((l) => l.replace(/\r+$/, ""));
  let end = lines.length;
  for (let i = 0; i < lines.length; i++) {
    if (lines[i] === "---" || lines[i].startsWith("diff ") || lines[i].startsWith("--- a/")) {
      end = i;
      break;
    }
    if (lines[i] === "-- ") {
      end = i;
      break;
    }
  }
  while (end > 0 && lines[end - 1].trim() === "") end--;
  let start = end;
  while (start > 0 && lines[start - 1].trim() !== "") start--;
  const para = lines.slice(start, end).join("\n");
  return findTrailers(para, { followup: false }).map((t) => ({ ...t, lineIndex: t.lineIndex + start }));
}

/** b4 LoreTrailer.email_eq: exact, else case/+tag/one-leading-domain-label fuzzy match. */
export function isSameEmail(a: string, b: string, fuzzy = true): boolean {
  let our = a.toLowerCase();
  let their = b.toLowerCase();
  if (our === their) return true;
  if (!fuzzy || !our.includes("@") || !their.includes("@")) return false;
  our = our.replace(/\+[^@]+@/, "@");
  their = their.replace(/\+[^@]+@/, "@");
  if (our === their) return true;
  const [olocal, odomain] = splitAt(our);
  const [tlocal, tdomain] = splitAt(their);
  if (olocal !== tlocal) return false;
  const dots = (s: string) => s.split(".").length - 1;
  return (
    Math.abs(dots(odomain) - dots(tdomain)) === 1 &&
    (odomain.endsWith(`.${tdomain}`) || tdomain.endsWith(`.${odomain}`))
  );
}

function splitAt(addr: string): [string, string] {
  const i = addr.indexOf("@");
  return [addr.slice(0, i), addr.slice(i + 1)];
}

/**
 * b4 LoreMessage.get_trailers: is this trailer one the sender may give?
 * Non-person trailers (Link:, Fixes:) are never sender-checked, so they return true.
 * A person trailer passes on the same address (fuzzy: case, +tag, one leading domain label),
 * on the same display name (case-insensitive; b4 uses the address when From: has no name),
 * or -- b4's comma clause, which as written always succeeds -- when the From: name has a comma
 * after its first character.
 */
export function isTrailerFromSender(trailer: Trailer, from: Address | null): boolean {
  if (trailer.type !== "person") return true;
  if (!from) return false;
  if (trailer.email && isSameEmail(trailer.email, from.email)) return true;
  const tname = (trailer.personName ?? "").toLowerCase();
  const hname = (from.name.trim() ? from.name : from.email).toLowerCase();
  if (tname === hname) return true;
  // b4: `elif hlname.find(',') > 0:` then looks for each chunk of hlname in hlname itself.
  if (hname.indexOf(",") > 0) return true;
  return false;
}

/** b4 _extract_link_msgid: the Message-ID a lore / patch.msgid.link URL points at. */
export function findLinkMessageId(value: string): string | null {
  const m =
    /^https?:\/\/(?:lore\.kernel\.org\/(?:[^/\s]+\/)?|patch\.msgid\.link\/|msgid\.link\/)(?:r\/)?<?([^/\s>]+@[^/\s>]+)>?\/?/i.exec(
      value.trim(),
    );
  if (!m) return null;
  try {
    return decodeURIComponent(m[1]);
  } catch {
    return m[1];
  }
}

/** b4 LoreTrailer.__eq__: same name and value (case-insensitive); Link: by Message-ID. */
export function isSameTrailer(a: Trailer, b: Trailer): boolean {
  if (a.kind !== b.kind) return false;
  if (a.value.toLowerCase() === b.value.toLowerCase()) return true;
  if (LINK_NAMES.has(a.kind) || a.kind === "message-id") {
    const ia = findLinkMessageId(a.value);
    const ib = findLinkMessageId(b.value);
    return ia !== null && ia === ib;
  }
  return false;
}
