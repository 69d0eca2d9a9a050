// What the full-text index stores for one message. PURE: lib/db/search-index.ts writes it, the
// ingester (lib/db/store.ts) calls that for every new message.
//
// Body split the public-inbox way (`SearchIdx.pm`, `split_quotes`: runs of `^>` lines are quoted, the
// rest is not), so q:, nq: and b: mean what they mean on lore.
//
// Decision: when the parser found a diff, the diff's own lines are NOT kept in `nq`. They are indexed by
// part instead (dfn/dfa/dfb/dfhh from DiffInfo), so b:/nq: and bare words match the commit message and the
// review prose, not every `+` line, and a word is not counted twice for bm25. Context lines are not indexed
// (lore's dfctx: is not offered). A quoted diff in a reply (`> +foo`) stays in `q`: that is where review
// comments on code are found.

import type { DiffInfo } from "../mail/types";

export type SearchFields = {
  subject: string;
  fromName: string;
  fromEmail: string;
  /** Message-ID without <>. */
  mid: string;
  /** Non-quoted body, without the diff. */
  nq: string;
  /** Quoted body (`^>` runs), with the `>` markers removed. */
  q: string;
  /** Paths the diff touches (old and new names), one a line. */
  dfn: string;
  /** Removed lines (dfa:, as on lore). */
  dfa: string;
  /** Added lines (dfb:). */
  dfb: string;
  /** Hunk-header function names. */
  dfhh: string;
  /** Trailer kinds written (not quoted) in the message, squashed: "reviewedby ackedby". */
  tk: string;
};

export type SearchSource = {
  subject: string;
  fromName: string;
  fromEmail: string;
  body: string;
  diff: DiffInfo | null;
  messageId: string;
};

/** Control characters cannot be typed in a query and \u0001/\u0002 are our snippet() markers: drop them. */
function clean(s: string): string {
  return (s ?? "").replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, " ");
}

/** Split a body into non-quoted and quoted text (public-inbox `split_quotes`). */
export function splitQuotes(body: string): { nonQuoted: string[]; quoted: string[] } {
  const nonQuoted: string[] = [];
  const quoted: string[] = [];
  for (const line of body.replace(/\r\n?/g, "\n").split("\n")) {
    if (line.startsWith(">")) quoted.push(line.replace(/^(?:>\s?)+/, ""));
    else nonQuoted.push(line);
  }
  return { nonQuoted, quoted };
}

const DIFF_START = /^(diff --git |diff -|Index: |--- \S)/;
const DIFF_LINE =
  /^(diff |index |--- |\+\+\+ |@@ |[ +\-\\]|$|new file mode|deleted file mode|old mode|new mode|similarity index|dissimilarity index|rename from|rename to|copy from|copy to|Binary files|GIT binary patch|literal |delta |={3,})/;

/** Non-quoted lines with the diff taken out (a `-- ` signature ends the diff). */
export function stripDiff(lines: string[]): string[] {
  const out: string[] = [];
  let inDiff = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (!inDiff) {
      const starts =
        DIFF_START.test(line) && (!line.startsWith("--- ") || (lines[i + 1] ?? "").startsWith("+++ "));
      if (starts) {
        inDiff = true;
        continue;
      }
      out.push(line);
      continue;
    }
    if (line === "-- " || line === "--") {
      inDiff = false;
      out.push(line);
      continue;
    }
    if (DIFF_LINE.test(line)) continue;
    inDiff = false;
    out.push(line);
  }
  return out;
}

// Trailer lines as b4 reads them: `Token: value` at the start of a non-quoted line; we keep only the
// kinds a reviewer filters on (any *-by, plus Fixes/Link/Closes/Cc).
const TRAILER_LINE = /^\s*([A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*-by|Fixes|Link|Closes|Cc):\s*\S/i;

export function findTrailerKinds(lines: string[]): string[] {
  const kinds: string[] = [];
  for (const line of lines) {
    const m = TRAILER_LINE.exec(line);
    if (!m) continue;
    const k = m[1].toLowerCase().replace(/[^a-z0-9]/g, "");
    if (!kinds.includes(k)) kinds.push(k);
  }
  return kinds;
}

export function searchFieldsFor(m: SearchSource): SearchFields {
  const { nonQuoted, quoted } = splitQuotes(clean(m.body));
  const prose = m.diff ? stripDiff(nonQuoted) : nonQuoted;
  const diff = m.diff;
  const paths: string[] = [];
  for (const f of diff?.files ?? []) {
    for (const p of [f.oldPath, f.path]) if (p && !paths.includes(p)) paths.push(p);
  }
  return {
    subject: clean(m.subject),
    fromName: clean(m.fromName),
    fromEmail: clean(m.fromEmail),
    mid: clean(m.messageId.replace(/^<|>$/g, "")),
    nq: prose.join("\n").trim(),
    q: quoted.join("\n").trim(),
    dfn: clean(paths.join("\n")),
    dfa: clean(diff?.removedText ?? ""),
    dfb: clean(diff?.addedText ?? ""),
    dfhh: clean((diff?.hunkHeaders ?? []).join("\n")),
    tk: findTrailerKinds(prose).join(" "),
  };
}
