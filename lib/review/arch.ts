// Which architectures a patch touches: the paths its diff changes (arch/<a>/...) are the
// first signal, the subject prefix ("KVM: LoongArch:", "KVM: x86/mmu:", "KVM: PPC: e500:")
// the second. Both are kept so the dashboard can show where they disagree.

export const DASHBOARD_ARCHES = ["loongarch", "mips", "riscv", "arm64", "x86", "powerpc", "s390", "common"] as const;
export type Arch = string;

export const ARCH_LABELS: Record<string, string> = {
  loongarch: "LoongArch",
  mips: "MIPS",
  riscv: "RISC-V",
  arm64: "arm64",
  x86: "x86",
  powerpc: "PowerPC",
  s390: "s390",
  common: "common",
};

export type ArchTag = { arch: Arch; source: "path" | "subject" | "both" };

/** arch/<dir>/... gives <dir>; everything else is common code. */
export function findArchForPath(path: string): Arch {
  const m = path.match(/^arch\/([^/]+)\//);
  return m ? m[1] : "common";
}

// Subject prefixes as KVM and arch maintainers write them. Order matters: the first match wins.
const SUBJECT_RULES: [RegExp, Arch][] = [
  [/\b(arm64|aarch64)\b/i, "arm64"],
  [/\b(x86(\/\w+)?|n?vmx|n?svm|tdx|sev|hyper-?v)\s*:/i, "x86"],
  [/\b(ppc|powerpc|book3s|e500)\b/i, "powerpc"],
  [/\bloongarch\b/i, "loongarch"],
  [/\bmips\b/i, "mips"],
  [/\b(riscv|risc-v)\b/i, "riscv"],
  [/\bs390\b/i, "s390"],
];

/** The arch a subject's prefix names ("KVM: LoongArch: ..."), or null when it names none. */
export function findArchForSubject(title: string): Arch | null {
  // Only look at the "A: B: " prefix part, not the free text after it.
  const prefix = title.match(/^((?:[\w/.,+ -]{1,40}:\s*){1,4})/)?.[1] ?? "";
  for (const [re, arch] of SUBJECT_RULES) if (re.test(prefix)) return arch;
  return null;
}

export function archesForPatch(title: string, paths: string[]): ArchTag[] {
  const fromPaths = new Set(paths.map(findArchForPath));
  const fromSubject = findArchForSubject(title);
  const tags: ArchTag[] = [];
  for (const arch of fromPaths) tags.push({ arch, source: arch === fromSubject ? "both" : "path" });
  if (fromSubject && !fromPaths.has(fromSubject)) tags.push({ arch: fromSubject, source: "subject" });
  if (tags.length === 0) tags.push({ arch: "common", source: "subject" });
  const order = (a: string) => {
    const i = (DASHBOARD_ARCHES as readonly string[]).indexOf(a);
    return i < 0 ? 100 : i;
  };
  return tags.sort((a, b) => order(a.arch) - order(b.arch) || a.arch.localeCompare(b.arch));
}

/**
 * The arch whose KVM fault path (its stage-2 / secondary MMU code) a patch changes, if any, as
 * the simulator names it: PowerPC's e500 MMU is modelled apart from Book3S PR.
 */
export function findFaultPathArch(paths: readonly string[]): Arch | null {
  for (const p of paths) {
    const m = p.match(/^arch\/([^/]+)\/kvm\/(?:mmu\/|[^/]*mmu[^/]*\.c$)/);
    if (m) return m[1] === "powerpc" && /e500/.test(p) ? "ppc_e500" : m[1];
  }
  return null;
}
