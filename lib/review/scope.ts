// Scoped acks: "Acked-by: X # arm64", a "[for the arm64 part]" line under the trailer, or prose
// right above it ("For KVM RISC-V:", "For patches 1-3:", "for the KVM/riscv bits").
//
// b4 keeps this text as extinfo and still applies the trailer to every patch (review-rules.md
// §2.2, add_cover_trailers); nothing in b4/patchwork/patchew interprets it. We DO interpret it
// (review-rules.md §2.5.1): a resolvable scope narrows a cover-letter trailer to the patches it
// names; an unresolvable one falls back to b4's behaviour (all patches) and is flagged.
// Pure; never throws.

import { findSectionsByName, matchSectionsForPath, type Section } from "./maintainers";

export type Scope = {
  /** The scope text as found (trimmed). */
  text: string;
  /** Kernel arch names: arm64, arm, loongarch, mips, powerpc, riscv, s390, x86. */
  arches: string[];
  /** Inclusive patch-number ranges. */
  ranges: [number, number][];
  /** Other subsystem words ("kvm", "mmu", "KVM/riscv" section short names, ...). */
  subsystems: string[];
};

export type ScopePatch = { number: number; arches: string[]; files: string[] };

export type ScopeResolution = { numbers: number[] } | { unresolved: string };

// Arch spellings seen in subjects, MAINTAINERS titles and acks. Order matters only for readability.
const ARCH_WORDS: [RegExp, string][] = [
  [/\b(?:arm64|aarch64|kvmarm)\b/i, "arm64"],
  [/\barm\b(?!\s*64)/i, "arm"],
  [/\bloong\s?arch\b/i, "loongarch"],
  [/\bmips\b/i, "mips"],
  [/\b(?:powerpc|ppc(?:64)?|book3s|e500)\b/i, "powerpc"],
  [/\brisc-?\s?v\b|\briscv\b/i, "riscv"],
  [/\bs390x?\b/i, "s390"],
  [/\bx86(?:_64)?\b|\b(?:vmx|svm|tdx)\b/i, "x86"],
  // The other kernel arches (arch/<name>), as their maintainers write them in "# m68k" notes.
  [/\balpha\b/i, "alpha"],
  [/\bcsky\b/i, "csky"],
  [/\bhexagon\b/i, "hexagon"],
  [/\bm68k\b/i, "m68k"],
  [/\bmicroblaze\b/i, "microblaze"],
  [/\bnios2\b/i, "nios2"],
  [/\bopenrisc\b/i, "openrisc"],
  [/\bparisc\b/i, "parisc"],
  [/\bsuperh\b/i, "sh"],
  [/\bsparc(?:64)?\b/i, "sparc"],
  [/\buml\b/i, "um"],
  [/\bxtensa\b/i, "xtensa"],
];

const KNOWN_SUBSYSTEMS = /\b(kvm|mmu|mm|mte|vfio|iommu|selftests?|docs?|documentation|generic|common)\b/gi;
const SCOPE_PHRASE =
  /\bfor\s+(?:the\s+|all\s+(?:the\s+)?)?([\w/.+-]+(?:\s+[\w/.+-]+)?)\s+(?:part|parts|bits|bit|changes|change|side|pieces|piece|portion|code|patch|patches|stuff)\b/i;

function uniq<T>(xs: T[]): T[] {
  return [...new Set(xs)];
}

/** Patch numbers after "patch"/"patches": "1-3", "1, 3 and 5-7", "#2", "2 to 4", "01/84". */
function parseRanges(text: string): [number, number][] {
  const ranges: [number, number][] = [];
  const re = /\bpatch(?:es)?\s*((?:#?\d{1,4}(?:\/\d{1,4})?(?:\s*(?:-|–|\.\.|to)\s*#?\d{1,4}(?:\/\d{1,4})?)?(?:\s*(?:,|&|and)\s*|\s+)?)+)/gi;
  for (const m of text.matchAll(re)) {
    const list = m[1];
    for (const part of list.matchAll(/#?(\d{1,4})(?:\/\d{1,4})?(?:\s*(?:-|–|\.\.|to)\s*#?(\d{1,4})(?:\/\d{1,4})?)?/g)) {
      const a = Number(part[1]);
      const b = part[2] !== undefined ? Number(part[2]) : a;
      ranges.push(a <= b ? [a, b] : [b, a]);
    }
  }
  return ranges;
}

/**
 * Read a scope from extinfo or prose. Returns null when the text names no arch, patch range or
 * subsystem (e.g. "So for those caveats you can certainly have a:").
 */
export function parseScope(text: string): Scope | null {
  const t = text
    .trim()
    .replace(/^#\s*/, "")
    .replace(/^\[(.*)\]$/, "$1")
    .trim();
  if (!t || t.length > 300) return null;
  const arches = uniq(ARCH_WORDS.filter(([re]) => re.test(t)).map(([, a]) => a));
  const ranges = parseRanges(t);
  const subsystems: string[] = [];
  // "KVM/riscv", "KVM/arm64": a MAINTAINERS short name.
  for (const m of t.matchAll(/\b(KVM\/[\w-]+)\b/gi)) subsystems.push(m[1]);
  for (const m of t.matchAll(KNOWN_SUBSYSTEMS)) subsystems.push(m[1].toLowerCase());
  const phrase = SCOPE_PHRASE.exec(t);
  if (phrase) {
    for (const w of phrase[1].split(/\s+/)) {
      const lw = w.toLowerCase();
      if (ARCH_WORDS.some(([re]) => re.test(w)) || /^(the|this|that|these|those|all|of|and|\d+)$/.test(lw)) continue;
      if (!subsystems.some((s) => s.toLowerCase() === lw)) subsystems.push(w);
    }
  }
  // A bare word as extinfo ("# mmu") is a subsystem name.
  if (!arches.length && !ranges.length && !subsystems.length && /^[\w/.+-]+$/.test(t) && !/^\d+$/.test(t)) subsystems.push(t);
  if (!arches.length && !ranges.length && !subsystems.length) return null;
  return { text: t, arches, ranges, subsystems: uniq(subsystems) };
}

/**
 * The scope-ish prose for a trailer written at `trailerLineIndex` of `body`: the lines right above
 * it in the same paragraph (stopping at a blank or quoted line), skipping other trailers of the
 * same block. Only text that parseScope() understands is returned.
 */
export function findScopeText(body: string, trailerLineIndex: number): string | null {
  const lines = body.split("\n").map((l) => l.replace(/\r+$/, ""));
  const picked: string[] = [];
  for (let i = trailerLineIndex - 1; i >= 0 && picked.length < 3; i--) {
    const line = lines[i];
    if (line.trim() === "" || /^\s*>/.test(line)) break;
    if (/^\s*[\p{L}\p{N}_][^\s]*:\s+\S/u.test(line)) continue; // another trailer of the block (Fixes:, Cc:, ...)
    if (/^\s*\[[^\]]+\]\s*$/.test(line)) continue; // extinfo of the trailer above
    picked.unshift(line.trim());
  }
  if (!picked.length) return null;
  // The sentence that leads into the trailer: the text after the last full stop.
  const joined = picked.join(" ");
  const lead = joined.split(/(?<=[.!?])\s+/).pop() ?? joined;
  if (!parseScope(lead)) return null;
  // Prose must read as a scope: "for ..." (short), ending in "... part/bits/changes", or a short
  // "X:" lead-in. Bulk-corpus false positives this rules out: "Changes in v3: - take patch #5",
  // "... they still *aren't* part of LA32 (LoongArch reference manual ...)."
  const isScopeLike =
    (/\bfor\b/i.test(lead) && lead.length <= 120) ||
    /\b(?:part|parts|bits|bit|changes|side|pieces|portion)\s*[:.,]?\s*$/i.test(lead) ||
    /^\s*[\w/ .,+-]{1,40}:\s*$/.test(lead);
  if (!isScopeLike) return null;
  return lead;
}

function patchHasArch(p: ScopePatch, arch: string): boolean {
  const want = arch === "arm" ? ["arm", "arm64"] : [arch];
  return want.some((a) => p.arches.includes(a) || p.files.some((f) => f.startsWith(`arch/${a}/`)));
}

/** Words that say nothing about which patches: every patch of a KVM series is "KVM". */
const GENERIC_WORDS = new Set(["kvm", "generic", "common"]);

/**
 * The patches a scope covers. Ranges and arches narrow (intersection); a subsystem narrows through
 * MAINTAINERS when `sections` are given (section named by it -> patches touching its files).
 * Returns { unresolved } when nothing matches or the scope cannot be evaluated.
 */
export function resolveScope(scope: Scope, patches: readonly ScopePatch[], sections?: readonly Section[]): ScopeResolution {
  let set = [...patches];
  if (scope.ranges.length) {
    set = set.filter((p) => scope.ranges.some(([a, b]) => p.number >= a && p.number <= b));
    if (!set.length) return { unresolved: `no patch numbered ${scope.text}` };
  }
  if (scope.arches.length) {
    set = set.filter((p) => scope.arches.some((a) => patchHasArch(p, a)));
    if (!set.length) return { unresolved: `no patch touches ${scope.arches.join(", ")}` };
  }
  const specific = scope.subsystems.filter((s) => !GENERIC_WORDS.has(s.toLowerCase()) && !/^kvm\//i.test(s));
  // "KVM/riscv": the arch already narrowed it; without an arch, look the section up by short name.
  const sectionWords = scope.arches.length ? specific : scope.subsystems.filter((s) => !GENERIC_WORDS.has(s.toLowerCase()));
  if (!scope.ranges.length && !scope.arches.length) {
    if (!sectionWords.length) return { unresolved: `scope "${scope.text}" names no arch, patch or subsystem` };
  }
  if (sectionWords.length) {
    if (!sections) {
      if (!scope.ranges.length && !scope.arches.length) return { unresolved: `needs MAINTAINERS to resolve "${scope.text}"` };
      // Arch/range already narrowed; extra words ("mmu") can't be checked without MAINTAINERS.
    } else {
      const named = new Set(sectionWords.flatMap((w) => findSectionsByName(sections, w)));
      if (named.size) {
        const narrowed = set.filter((p) => p.files.some((f) => matchSectionsForPath(sections, f).some((m) => named.has(m.section))));
        if (!narrowed.length) return { unresolved: `no patch touches ${[...named].map((s) => s.title).join(", ")}` };
        set = narrowed;
      } else if (!scope.ranges.length && !scope.arches.length) {
        return { unresolved: `no MAINTAINERS section named ${sectionWords.join(", ")}` };
      }
    }
  }
  return { numbers: set.map((p) => p.number).sort((a, b) => a - b) };
}
