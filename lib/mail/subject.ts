import type { SubjectInfo } from "./types";

// b4's LoreSubject rules (review-rules.md §2.2), plus patchwork's "3 of 7" markers.
const REPLY_RE = /^(re|aw|fwd?|sv|antw|vs)\s*:/i;
const COUNTER_RE = /^(\d{1,4})\/(\d{1,4})$/;
const REVISION_RE = /^v(\d{1,3})$/i;
const GLUED_RE = /^(patch|rfc|resend)v(\d{1,3})$/i; // [PATCHv3]

function flattenBrackets(s: string): { groups: string[]; rest: string } {
  const groups: string[] = [];
  let rest = s;
  for (;;) {
    rest = rest.trimStart();
    if (!rest.startsWith("[")) break;
    // Nested brackets ("[PATCH v2 [RESEND]]") are flattened, as b4 does.
    let depth = 0;
    let end = -1;
    for (let i = 0; i < rest.length; i++) {
      if (rest[i] === "[") depth++;
      else if (rest[i] === "]" && --depth === 0) {
        end = i;
        break;
      }
    }
    if (end < 0) break;
    groups.push(rest.slice(1, end).replace(/[[\]]/g, " "));
    rest = rest.slice(end + 1);
  }
  return { groups, rest: rest.trim() };
}

export function parseSubject(raw: string): SubjectInfo {
  let s = raw.replace(/\s+/g, " ").trim();
  const isReply = REPLY_RE.test(s) || /^\w{2,3}:\s*\[/.test(s);
  let isSubset = false;
  // Peel every "Re: " / "Fwd: " and b4 ty's "(subset)".
  for (;;) {
    const m = s.match(/^(?:(?:re|aw|fwd?|sv|antw|vs)\s*:|\(subset\))\s*/i);
    if (!m) break;
    if (/subset/i.test(m[0])) isSubset = true;
    s = s.slice(m[0].length);
  }
  const { groups, rest } = flattenBrackets(s);
  const info: SubjectInfo = {
    title: rest,
    isReply,
    revision: 1,
    revisionInferred: true,
    counter: 1,
    total: 1,
    countersInferred: true,
    isRfc: false,
    isResend: false,
    isSubset,
    prefixes: [],
  };
  for (const group of groups) {
    const tokens = group.split(/\s+/).map((t) => t.replace(/[,;]+$/, "")).filter(Boolean);
    for (let i = 0; i < tokens.length; i++) {
      const tok = tokens[i];
      const glued = tok.match(GLUED_RE);
      let m: RegExpMatchArray | null;
      if (glued) {
        if (/^rfc/i.test(tok)) info.isRfc = true;
        if (/^resend/i.test(tok)) info.isResend = true;
        info.revision = Number(glued[2]);
        info.revisionInferred = false;
      } else if ((m = tok.match(COUNTER_RE))) {
        info.counter = Number(m[1]);
        info.total = Number(m[2]);
        info.countersInferred = false;
      } else if (/^\d{1,4}$/.test(tok) && tokens[i + 1]?.toLowerCase() === "of" && /^\d{1,4}$/.test(tokens[i + 2] ?? "")) {
        info.counter = Number(tok);
        info.total = Number(tokens[i + 2]);
        info.countersInferred = false;
        i += 2;
      } else if ((m = tok.match(REVISION_RE))) {
        info.revision = Number(m[1]);
        info.revisionInferred = false;
      } else if (/^rfc/i.test(tok)) info.isRfc = true;
      else if (/^resend/i.test(tok)) info.isResend = true;
      else if (/^patch/i.test(tok)) {
        // "PATCH" itself, or patchwork's "PATCH1/8" typo: take the counter from the tail.
        const tail = tok.slice(5).match(COUNTER_RE);
        if (tail) {
          info.counter = Number(tail[1]);
          info.total = Number(tail[2]);
          info.countersInferred = false;
        }
      } else info.prefixes.push(tok);
    }
  }
  // b4: "[PATCH 6/5]" raises the expected count.
  if (info.counter > info.total) info.total = info.counter;
  return info;
}

/** Lower-cased title without prefixes or revision: what revisions of one series share. */
export function topicOf(title: string): string {
  return title.replace(/\s+/g, " ").trim().toLowerCase();
}

/** True when the subject carries a [PATCH ...]-style marker at all. */
export function hasPatchMarker(raw: string): boolean {
  return /\[[^\]]*\b(patch|rfc)/i.test(raw);
}
