// Message-ID handling. Alex Bennée's Gnus replies in the v12 thread put a comment after
// the id: `In-Reply-To: <ZrTFPhy0e1fFb9vA@google.com> (Sean Christopherson's message of "...")`,
// so we take <...> tokens and ignore everything else.

const ANGLE_RE = /<([^<>\s]+)>/g;
/** Message-IDs longer than this are fuzzer junk (patchwork's msgid-len); RFC 5322 lines stop at 998. */
export const MAX_MESSAGE_ID = 500;

function clean(id: string): string | null {
  const t = id.trim().replace(/^<|>$/g, "");
  if (!t || t.length > MAX_MESSAGE_ID || /\s/.test(t)) return null;
  return t;
}

/** Every <id> in a header value, in order, brackets removed. Bare ids are accepted when no brackets exist. */
export function findMessageIds(value: string | undefined | null): string[] {
  if (!value) return [];
  const ids = [...value.matchAll(ANGLE_RE)].map((m) => clean(m[1])).filter((x): x is string => !!x);
  if (ids.length) return ids;
  return value
    .split(/\s+/)
    .filter((t) => t.includes("@"))
    .map(clean)
    .filter((x): x is string => !!x);
}

/** In-Reply-To: the first <...> token; comments after it are ignored. */
export function findInReplyTo(value: string | undefined | null): string | null {
  return findMessageIds(value)[0] ?? null;
}

/** References, de-duplicated, oldest first. */
export function findReferences(value: string | undefined | null): string[] {
  return [...new Set(findMessageIds(value))];
}

/** Normalise a single Message-ID header value. */
export function parseMessageIdHeader(value: string | undefined | null): string | null {
  return findMessageIds(value)[0] ?? null;
}
