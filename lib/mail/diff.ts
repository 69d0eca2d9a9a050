import type { DiffFile, DiffInfo } from "./types";

// Diff detection and splitting, after patchwork's parse_patch state machine and b4's
// regexes (review-rules.md §2.1, §2.2). Hunk line counts are tracked so that a "-- "
// line inside a hunk is a removed line, not a signature.

const B4_DIFF_RE = /^(---.*\n\+\+\+|GIT binary patch|diff --git \w\/\S+ \w\/\S+)/m;
const DIFFSTAT_RE = /^\s*\d+ files? changed.*\d+ (insertion|deletion)/m;
const HUNK_RE = /^@@ -\d+(?:,(\d+))? \+\d+(?:,(\d+))? @@ ?(.*)$/;

export function hasDiff(text: string): boolean {
  return B4_DIFF_RE.test(text);
}

export function hasDiffstat(text: string): boolean {
  return DIFFSTAT_RE.test(text);
}

function stripPrefix(path: string): string {
  const p = path.replace(/\t.*$/, "").trim();
  if (p === "/dev/null") return p;
  return p.replace(/^[ab]\//, "");
}

/** Files, line counts, hunk headers and added/removed text of every diff in a body. */
export function parseDiff(text: string): DiffInfo | null {
  if (!hasDiff(text)) return null;
  const files: DiffFile[] = [];
  const hunkHeaders: string[] = [];
  const addedLines: string[] = [];
  const removedLines: string[] = [];
  let current = null as DiffFile | null;
  let oldLeft = 0;
  let newLeft = 0;
  let pendingOld: string | null = null;
  const lines = text.split("\n");

  const open = (path: string, oldPath?: string): DiffFile => {
    const existing = files.find((f) => f.path === path);
    const file = existing ?? { path, added: 0, removed: 0 };
    if (oldPath && oldPath !== path && oldPath !== "/dev/null") file.oldPath = oldPath;
    if (!existing) files.push(file);
    return file;
  };

  for (const line of lines) {
    if (oldLeft > 0 || newLeft > 0) {
      const c = line[0];
      if (c === "+" && current) {
        current.added++;
        newLeft--;
        addedLines.push(line.slice(1));
        continue;
      }
      if (c === "-" && current) {
        current.removed++;
        oldLeft--;
        removedLines.push(line.slice(1));
        continue;
      }
      if (c === " " || line === "") {
        oldLeft--;
        newLeft--;
        continue;
      }
      if (line.startsWith("\\")) continue; // "\ No newline at end of file"
      oldLeft = newLeft = 0; // malformed hunk: fall through to header parsing
    }
    let m: RegExpMatchArray | null;
    if ((m = line.match(/^diff --git (\S+) (\S+)/))) {
      current = open(stripPrefix(m[2]), stripPrefix(m[1]));
      pendingOld = null;
    } else if (line.startsWith("--- ")) {
      pendingOld = stripPrefix(line.slice(4));
    } else if (line.startsWith("+++ ") && pendingOld !== null) {
      const newPath = stripPrefix(line.slice(4));
      const path = newPath === "/dev/null" ? pendingOld : newPath;
      if (!current || current.path !== path) current = open(path, pendingOld);
      pendingOld = null;
    } else if ((m = line.match(HUNK_RE)) && current) {
      oldLeft = m[1] === undefined ? 1 : Number(m[1]);
      newLeft = m[2] === undefined ? 1 : Number(m[2]);
      const fn = m[3].trim();
      if (fn) hunkHeaders.push(fn);
    } else if ((m = line.match(/^rename to (.+)$/)) && current) {
      current.path = m[1];
    }
  }
  if (files.length === 0) return null;
  let added = 0;
  let removed = 0;
  for (const f of files) {
    added += f.added;
    removed += f.removed;
  }
  return {
    files,
    added,
    removed,
    hunkHeaders,
    addedText: addedLines.join("\n"),
    removedText: removedLines.join("\n"),
  };
}

/** Split a patch body at the first diff: the commit message and notes before, the diff after. */
export function splitAtDiff(text: string): { message: string; diff: string } {
  const m = text.match(/^(diff --git |--- \S|Index: )/m);
  if (!m || m.index === undefined) return { message: text, diff: "" };
  return { message: text.slice(0, m.index), diff: text.slice(m.index) };
}
