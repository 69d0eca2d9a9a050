// The kernel's MAINTAINERS file and get_maintainer.pl's file matching (scripts/get_maintainer.pl,
// v6.12: read_maintainer_file, get_maintainers, file_match_pattern). Pure: text in, plain data out.
//
// get_maintainer's rules, as implemented there:
// - F:/X: patterns are turned into regexes: "." -> "\.", "*" -> ".*", "?" -> "."; a pattern naming a
//   directory without a trailing slash gets one (it tests the tree with -d; we infer "is a directory"
//   when the file lies below it).
// - A pattern ending in "/" matches any file it prefixes (recursive). Any other pattern must prefix
//   the file AND have the same number of slashes, so `dir/*` is one level deep and the regex is not
//   anchored at the end (`F: foo.h` also matches `foo.hpp`, as in get_maintainer).
// - A section is skipped for a file when any of its X: patterns matches.
// - N: is a regex (perl /x) searched anywhere in the path.
// - Ranking: each matching section gets a depth, the number of slashes of the pattern (+1 when it
//   does not end in "/"; -1 for patterns starting with "*", i.e. THE REST; 0 for N:). Within a
//   section the LAST matching F:/N: line sets it (so RISC-V ARCHITECTURE's "N: riscv" gives 0 to
//   arch/riscv/kvm/mmu.c, although "F: arch/riscv/" matched with 2). Sections print by depth, deepest
//   first. We call the deepest ones for a file its owners, the others cc. K: (content keywords) is
//   not evaluated: we match paths only.

export type Section = {
  title: string;
  /** Position in the file (0-based), for stable ordering. */
  index: number;
  maintainers: string[];
  reviewers: string[];
  lists: string[];
  status: string | null;
  trees: string[];
  files: string[];
  excludes: string[];
  regexes: string[];
  keywords: string[];
  /** F:/N: lines in file order (the last matching one sets the depth). */
  matchLines: { type: "F" | "N"; value: string }[];
};

export type SectionMatch = { section: Section; depth: number };

const TYPED_RE = /^([A-Z]):\s*(.*)$/;

/** Parse MAINTAINERS text into sections. Never throws; untyped text before the first section is skipped. */
export function parseMaintainers(text: string): Section[] {
  const sections: Section[] = [];
  let current: Section | null = null;
  let lastUntyped: string | null = null;
  for (const raw of text.split("\n")) {
    const line = raw.replace(/\r$/, "");
    if (/^\s*$/.test(line) || /^\s*#/.test(line)) continue; // get_maintainer skips these
    const m = TYPED_RE.exec(line);
    if (!m) {
      current = null;
      lastUntyped = line.trim();
      continue;
    }
    if (!current) {
      if (lastUntyped === null) continue;
      current = {
        title: lastUntyped,
        index: sections.length,
        maintainers: [],
        reviewers: [],
        lists: [],
        status: null,
        trees: [],
        files: [],
        excludes: [],
        regexes: [],
        keywords: [],
        matchLines: [],
      };
      sections.push(current);
    }
    const [, type, value] = m;
    const v = value.trim();
    switch (type) {
      case "M":
        current.maintainers.push(v);
        break;
      case "R":
        current.reviewers.push(v);
        break;
      case "L":
        current.lists.push(v);
        break;
      case "S":
        current.status = v;
        break;
      case "T":
        current.trees.push(v);
        break;
      case "F":
        current.files.push(v);
        current.matchLines.push({ type: "F", value: v });
        break;
      case "X":
        current.excludes.push(v);
        break;
      case "N":
        current.regexes.push(v);
        current.matchLines.push({ type: "N", value: v });
        break;
      case "K":
        current.keywords.push(v);
        break;
      default:
        break;
    }
  }
  return sections;
}

/** "Name <addr>" -> addr (lower-case); a bare address is returned as is. */
export function findSectionEmail(person: string): string | null {
  const m = /<([^<>\s]+@[^<>\s]+)>/.exec(person) ?? /(\S+@\S+)/.exec(person);
  return m ? m[1].toLowerCase() : null;
}

// ---------------------------------------------------------------------------------------------
// Compiled matchers and the index (built once per Section[] and cached in a WeakMap).

type FilePattern = {
  re: RegExp;
  /** Pattern ends in "/" (recursive). */
  isDir: boolean;
  /** Pattern has no wildcard: it may name a directory without a trailing slash. */
  literal: string | null;
  slashes: number;
  depth: number;
};

type Matcher = { type: "F"; pat: FilePattern } | { type: "N"; re: RegExp | null };

type Compiled = { section: Section; excludes: FilePattern[]; matchers: Matcher[] };

type Index = {
  compiled: Compiled[];
  /** key: first one or two literal path components -> section positions. */
  byKey: Map<string, Set<number>>;
  /** Sections that must be tried for every path (wildcard first component, top-level names, N:). */
  always: Set<number>;
  cache: Map<string, SectionMatch[]>;
};

const indexCache = new WeakMap<readonly Section[], Index>();

function toRegexSource(pattern: string): string {
  return pattern.replace(/\./g, "\\.").replace(/\*/g, ".*").replace(/\?/g, ".");
}

function safeRegExp(source: string, flags = ""): RegExp | null {
  try {
    return new RegExp(source, flags);
  } catch {
    try {
      return new RegExp(source.replace(/[()[\]{}+|^$]/g, "\\$&"), flags);
    } catch {
      return null;
    }
  }
}

function compilePattern(pattern: string): FilePattern | null {
  const source = toRegexSource(pattern);
  const re = safeRegExp(`^(?:${source})`);
  if (!re) return null;
  const isDir = pattern.endsWith("/");
  const slashes = countSlashes(source);
  let depth = slashes + (isDir ? 0 : 1);
  if (source.startsWith(".*")) depth = -1;
  const literal = /[*?[\]]/.test(pattern) || pattern.includes(".") || isDir ? null : pattern;
  return { re, isDir, literal, slashes, depth };
}

function countSlashes(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) === 47) n++;
  return n;
}

/** get_maintainer's file_match_pattern, plus its -d directory test inferred from the path. */
function matchesFile(file: string, p: FilePattern, fileSlashes: number): boolean {
  if (p.isDir) return p.re.test(file);
  if (p.re.test(file) && fileSlashes === p.slashes) return true;
  // A wildcard-free, dot-free pattern that prefixes the file as a directory is a directory in the
  // tree (get_maintainer appended "/" after its -d test; dotted names never pass that test there).
  return p.literal !== null && file.startsWith(`${p.literal}/`);
}

/** Index keys of a pattern: its first one or two whole literal components. */
function patternKey(pattern: string): string | null {
  const comps = pattern.split("/");
  // The last component of a pattern without "/" is only a prefix ("F: foo.h" matches "foo.hpp").
  const whole = comps.slice(0, -1);
  const lit: string[] = [];
  for (const c of whole) {
    if (c === "" || /[*?[\]]/.test(c)) break;
    lit.push(c);
    if (lit.length === 2) break;
  }
  // Patterns with no slash prefix-match top-level names ("F: Makefile" also matches "Makefile.x").
  if (lit.length === 0 || !pattern.includes("/")) return null;
  return lit.join("/");
}

function buildIndex(sections: readonly Section[]): Index {
  const compiled: Compiled[] = [];
  const byKey = new Map<string, Set<number>>();
  const always = new Set<number>();
  const add = (key: string, i: number) => {
    let s = byKey.get(key);
    if (!s) byKey.set(key, (s = new Set()));
    s.add(i);
  };
  sections.forEach((section, i) => {
    const excludes = section.excludes.map(compilePattern).filter((p): p is FilePattern => p !== null);
    const matchers: Matcher[] = [];
    for (const ml of section.matchLines) {
      if (ml.type === "N") {
        // perl /x: unescaped whitespace is insignificant.
        matchers.push({ type: "N", re: safeRegExp(ml.value.replace(/(?<!\\)\s+/g, "")) });
        always.add(i);
        continue;
      }
      const pat = compilePattern(ml.value);
      if (!pat) continue;
      matchers.push({ type: "F", pat });
      const key = patternKey(ml.value);
      if (key === null) always.add(i);
      else add(key, i);
    }
    compiled.push({ section, excludes, matchers });
  });
  return { compiled, byKey, always, cache: new Map() };
}

function getIndex(sections: readonly Section[]): Index {
  let idx = indexCache.get(sections);
  if (!idx) {
    idx = buildIndex(sections);
    indexCache.set(sections, idx);
  }
  return idx;
}

/**
 * Every section get_maintainer lists for one path, deepest first (ties in file order), with the
 * depth it ranks them by.
 */
export function matchSectionsForPath(sections: readonly Section[], path: string): SectionMatch[] {
  const idx = getIndex(sections);
  const file = path.replace(/^\.?\//, "");
  const hit = idx.cache.get(file);
  if (hit) return hit;
  const comps = file.split("/");
  const candidates = new Set(idx.always);
  for (const key of [comps[0], comps.slice(0, 2).join("/")]) {
    const s = idx.byKey.get(key);
    if (s) for (const i of s) candidates.add(i);
  }
  const fileSlashes = countSlashes(file);
  const out: SectionMatch[] = [];
  for (const i of [...candidates].sort((a, b) => a - b)) {
    const c = idx.compiled[i];
    if (c.excludes.some((x) => matchesFile(file, x, fileSlashes))) continue;
    let depth: number | null = null;
    for (const m of c.matchers) {
      if (m.type === "F") {
        if (matchesFile(file, m.pat, fileSlashes)) depth = m.pat.depth;
      } else if (m.re && m.re.test(file)) {
        depth = 0;
      }
    }
    if (depth !== null) out.push({ section: c.section, depth });
  }
  out.sort((a, b) => b.depth - a.depth || a.section.index - b.section.index);
  idx.cache.set(file, out);
  return out;
}

/**
 * Sections for a set of paths (a patch's files): for each path the deepest-ranked sections are
 * owners, the rest cc. Union over paths; a section that owns any path is an owner. Order: by path
 * order, then rank, then file order.
 */
export function sectionsForPaths(
  sections: readonly Section[],
  paths: readonly string[],
): { owners: Section[]; cc: Section[] } {
  const owners: Section[] = [];
  const cc: Section[] = [];
  const ownerSet = new Set<Section>();
  const ccSet = new Set<Section>();
  for (const path of paths) {
    const matches = matchSectionsForPath(sections, path);
    if (matches.length === 0) continue;
    const top = matches[0].depth;
    for (const m of matches) {
      if (m.depth === top) {
        if (!ownerSet.has(m.section)) {
          ownerSet.add(m.section);
          owners.push(m.section);
        }
      } else if (!ccSet.has(m.section)) {
        ccSet.add(m.section);
        cc.push(m.section);
      }
    }
  }
  return { owners, cc: cc.filter((s) => !ownerSet.has(s)) };
}

/** A section whose title names it, e.g. "KVM/riscv" -> "KERNEL VIRTUAL MACHINE FOR RISC-V (KVM/riscv)". */
export function findSectionsByName(sections: readonly Section[], name: string): Section[] {
  const n = name.trim().toLowerCase();
  if (!n) return [];
  const exact = sections.filter((s) => s.title.toLowerCase() === n || /\(([^)]+)\)\s*$/.exec(s.title)?.[1].toLowerCase() === n);
  return exact;
}

// ---------------------------------------------------------------------------------------------
// Who still owes an ack (review-rules.md §2.5.2).

/** Sections that never owe an ack: the catch-all, and sections without maintainers. */
export function isAckableSection(s: Section): boolean {
  return s.title !== "THE REST" && s.maintainers.length > 0;
}
