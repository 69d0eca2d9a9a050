// Snippet markers: snippet() wraps each matched word in these. They are control characters, which
// lib/search/fields.ts removes from everything it indexes, so they cannot come from mail.
// PURE (also used in the browser).

export const MARK_OPEN = "\u0001";
export const MARK_CLOSE = "\u0002";
export const ELLIPSIS = "…";

export type SnippetPart = { text: string; hit: boolean };

/** "a \u0001b\u0002 c" -> [{a , false}, {b, true}, { c, false}]. Stray markers are tolerated. */
export function splitSnippet(snippet: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  let hit = false;
  let buf = "";
  const flush = () => {
    if (buf) {
      const last = parts[parts.length - 1];
      if (last && last.hit === hit) last.text += buf;
      else parts.push({ text: buf, hit });
    }
    buf = "";
  };
  for (const ch of snippet) {
    if (ch === MARK_OPEN) {
      flush();
      hit = true;
    } else if (ch === MARK_CLOSE) {
      flush();
      hit = false;
    } else buf += ch;
  }
  flush();
  return parts;
}

/** The snippet as plain text (for Atom, titles, logs). */
export function snippetText(snippet: string): string {
  return snippet.split(MARK_OPEN).join("").split(MARK_CLOSE).join("");
}

/** Where a result links: into the patch thread at that message, else the message page. */
export function hrefForMessage(messageId: string, patchId: number | null): string {
  const enc = encodeURIComponent(messageId);
  return patchId != null ? `/patch/${patchId}#m-${enc}` : `/message/${enc}`;
}
