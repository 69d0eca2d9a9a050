// "Applied to <tree>, thanks!" replies: b4 ty's thank-you shape (b4 src/b4/ty.py and
// templates/thanks-am-template.example) plus the hand-written variants maintainers use.
//
//   Applied to next, thanks!
//
//   [01/84] KVM: arm64: Release pfn, i.e. put page, if copying MTE tags hits ZONE_DEVICE
//           commit: ae41d7dbaeb4f79134136cd65ad7015cf9ccf78a
//
// (Marc Zyngier's reply <172433664067.3702537.13271681605926473288.b4-ty@kernel.org> in the v12
// thread.) b4 ty writes "(no commit info)" when it found no commit. Only unquoted text before the
// signature counts. Pure; never throws.

export type AppliedPatch = { counter: number; total: number; subject: string; commit: string | null };

export type AppliedNotice = {
  /** The tree/branch as written ("next", "kvm-arm64/next", "kvm-x86 mmu"); "" when not named. */
  tree: string;
  /** The verb used: applied, pushed, queued, merged, picked up, taken. */
  verb: string;
  /** b4 ty's "[NN/MM] subject" + "commit:" lines; empty for a hand-written "Applied, thanks". */
  patches: AppliedPatch[];
  /** Line (in body.split("\n")) of the "Applied ..." sentence. */
  lineIndex: number;
};

const APPLIED_RE = /^\s*(applied|pushed|queued(?: up)?|merged|picked up|picked|taken)\b(.*)$/i;
const TREE_RE = /\b(?:to|into|onto|in)\s+(.+?)\s*(?:(?:[,.!;]|\s-)?\s*(?:many\s+)?thanks?(?:\s+you)?\b.*|[.!,:;]*)\s*$/i;
/** "Applied for next, thanks!", "Queued for 6.6" (only when no "to"/"into" names the tree). */
const FOR_TREE_RE = /\bfor\s+(.+?)\s*(?:(?:[,.!;]|\s-)?\s*thanks?(?:\s+you)?\b.*|[.!,:;]*)\s*$/i;
const THANKS_RE = /\bthanks?\b|\bthank you\b/i;
const SUMMARY_RE = /^\s*\[(\d{1,4})\/(\d{1,4})\]\s+(.*?)\s*$/;
const COMMIT_RE = /^\s*commit:\s*(.+?)\s*$/i;
/** b4 ty with thanks-commit-url-mask: the indented URL alone ("      https://github.com/kvm-x86/linux/commit/d1ae567fb8b5"). */
const BARE_COMMIT_RE = /^\s+(https?:\/\/\S+|[0-9a-f]{7,40})\s*$/i;
const NO_COMMIT_RE = /^\s*\(no commit info\)\s*$/i;

function unquotedLines(body: string): (string | null)[] {
  // Quoted lines become null (kept so indexes still point into the body); the signature ends it.
  const out: (string | null)[] = [];
  for (const raw of body.split("\n")) {
    const line = raw.replace(/\r+$/, "");
    if (line === "-- ") break;
    out.push(/^\s*>/.test(line) ? null : line);
  }
  return out;
}

/** The applied notice in a reply, or null when the body has none. */
export function findApplied(body: string): AppliedNotice | null {
  const lines = unquotedLines(body);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line === null || line.length > 200) continue;
    const m = APPLIED_RE.exec(line);
    if (!m) continue;
    const patches = findSummary(lines, i + 1);
    // Prose like "Applied this locally and it boots" is not a notice: require thanks or b4 ty lines.
    if (!THANKS_RE.test(line) && patches.length === 0) continue;
    const rest = m[2];
    let tree = "";
    if (/^\s*(?:to|into|onto)\s*:?\s*$/i.test(rest)) {
      // Mark Brown's template: "Applied to\n\n   https://git.kernel.org/.../sound.git for-next\n\nThanks!"
      for (let j = i + 1; j < lines.length && j <= i + 3; j++) {
        const next = lines[j];
        if (next === null || next.trim() === "") continue;
        if (next.length < 200 && !SUMMARY_RE.test(next)) tree = next.trim();
        break;
      }
    } else {
      const t = TREE_RE.exec(rest) ?? FOR_TREE_RE.exec(rest);
      tree = t ? t[1].trim() : "";
      // "Applied to kvm-x86 tdx, with fixups for the various typos." -> "kvm-x86 tdx"
      tree = tree.split(/,\s|\.\s/)[0].replace(/[.,;:!]+$/, "");
    }
    tree = tree.replace(/^the\s+/i, "").replace(/^(?:branch|tree)\s+/i, "").replace(/\s+(?:branch|tree)$/i, "");
    return { tree, verb: m[1].toLowerCase(), patches, lineIndex: i };
  }
  return null;
}

function findSummary(lines: (string | null)[], from: number): AppliedPatch[] {
  const patches: AppliedPatch[] = [];
  let current: AppliedPatch | null = null;
  for (let i = from; i < lines.length; i++) {
    const line = lines[i];
    if (line === null) {
      if (patches.length) break;
      continue;
    }
    const s = SUMMARY_RE.exec(line);
    if (s) {
      current = { counter: Number(s[1]), total: Number(s[2]), subject: s[3], commit: null };
      patches.push(current);
      continue;
    }
    if (current) {
      const c = COMMIT_RE.exec(line) ?? BARE_COMMIT_RE.exec(line);
      if (c && current.commit === null) {
        current.commit = c[1];
        continue;
      }
      if (NO_COMMIT_RE.test(line)) continue;
    }
    if (line.trim() === "") continue;
    // Any other text ends the summary block once it has started ("Cheers,", "Best regards").
    if (patches.length) break;
    // Before the first [NN/MM] line, allow a couple of lines of prose; beyond that stop looking.
    if (i - from > 3) break;
  }
  return patches;
}
