// Canned scenarios S1-S8 (design note section 5) as data, with the expected outcome
// under every policy each one names. scenarios.test.ts runs them table-driven.
import type { ScriptStep } from "./run";
import type { Arch, InitOpts, Policy, SimEvent, ViolationCode } from "./types";

export type FinalAsserts = {
  kvmRefs?: number;
  folioDirty?: boolean;
  folioExists?: boolean;
  s2Present?: boolean;
  s2HwWritable?: boolean;
  falseDirtyCount?: number;
  mapFailed?: number;
};

export type Expect = {
  /** Exact set of violation codes over the whole run ([] = clean). */
  violations: ViolationCode[];
  /** Log codes that must / must not appear (info-level outcomes such as KVM_FALSE_DIRTY). */
  logs?: string[];
  noLogs?: string[];
  final?: FinalAsserts;
};

export type Scenario = {
  id: string;
  title: string;
  arch: Arch;
  summary: string;
  /** v12 patch(es) the scenario is about, for links. */
  patches: number[];
  opts: InitOpts;
  script: ScriptStep[];
  expect: Partial<Record<Policy, Expect>>;
};

const r = (vcpu: 0 | 1 = 0): SimEvent => ({ t: "GUEST_READ", vcpu });
const w = (vcpu: 0 | 1 = 0): SimEvent => ({ t: "GUEST_WRITE", vcpu });
const f = (vcpu: 0 | 1 = 0): SimEvent => ({ t: "FAULT_STEP", vcpu });
const drain = (vcpu: 0 | 1 = 0): ScriptStep => ({ t: "DRAIN", vcpu });
const ev = (t: Exclude<SimEvent, { vcpu: 0 | 1 }>["t"]): SimEvent => ({ t }) as SimEvent;
const WB: SimEvent[] = ["WB_INVALIDATE_START", "WB_MKCLEAN", "WB_INVALIDATE_END", "WB_CLEAR_DIRTY"].map((t) => ev(t as never));
// Real try_to_unmap clears the host pte inside the notifier range (see README guesses).
const RECLAIM: SimEvent[] = ["RECLAIM_INVALIDATE_START", "RECLAIM_UNMAP", "RECLAIM_INVALIDATE_END", "RECLAIM_FREE"].map((t) => ev(t as never));

const clean: Expect = { violations: [] };
const writableClean = { present: true, writable: true, dirty: false };

function s2FalseDirty(id: string, arch: Arch): Scenario {
  return {
    id, arch, patches: [64, 7],
    title: `False-positive dirty (${arch})`,
    summary: "A read fault maps host-writable, clean shmem writable; nothing writes it, yet after the series KVM marks the folio dirty at map time. Sean accepts this: at worst one unnecessary writeback.",
    opts: { backing: "shmem", hostPte: writableClean },
    script: [r(), drain(), ...WB, ev("WB_END")],
    expect: {
      pre: { violations: [], noLogs: ["KVM_FALSE_DIRTY"], final: { falseDirtyCount: 0 } },
      landed: { violations: [], logs: ["KVM_FALSE_DIRTY"], final: { falseDirtyCount: 1 } },
      v12: { violations: [], logs: ["KVM_FALSE_DIRTY"] },
    },
  };
}

function s8Retry(id: string, arch: Arch): Scenario {
  const leak = arch === "arm64" || arch === "riscv";
  return {
    id, arch, patches: leak ? [arch === "arm64" ? 54 : 56, 47] : [47],
    title: `Retry path and refcount balance (${arch})`,
    summary: "An invalidation starts between GUP and the retry check; the fault must drop its reference, retry and finish with none held." +
      (leak ? " Under v12 as posted, the success path calls kvm_set_pfn_dirty() instead of releasing: Oliver's catch on v12 54." : ""),
    opts: { backing: "shmem", hostPte: writableClean },
    script: [w(), f(), ev("WB_INVALIDATE_START"), f(), ev("WB_MKCLEAN"), ev("WB_INVALIDATE_END"), drain()],
    expect: {
      pre: { violations: [], logs: ["RETRY", "RETRY_MARKS_ACCESSED"], final: { kvmRefs: 0 } },
      landed: { violations: [], logs: ["RETRY"], noLogs: ["RETRY_MARKS_ACCESSED"], final: { kvmRefs: 0 } },
      v12: leak ? { violations: ["REF_LEAK"], final: { kvmRefs: 1 } } : { violations: [], final: { kvmRefs: 0 } },
    },
  };
}

export const SCENARIOS: Scenario[] = [
  {
    id: "S1", arch: "loongarch", patches: [64, 65],
    title: "maobibo's case: VMM writes, guest reads then writes",
    summary: "The VMM dirties the page through the hva, the vCPU read-faults (stage-2 pte gets _PAGE_WRITE but not _PAGE_DIRTY), then writes via the fast path. Before the series the fast path dirties the folio after unlock (holding get_page); after it, the read fault already dirtied the folio under mmu_lock and the fast path only updates the pte and dirty log.",
    opts: { backing: "file_wn" },
    script: [ev("VMM_WRITE_HVA"), r(), drain(), w(), drain(), w()],
    expect: {
      pre: { violations: ["FASTPATH_FOLIO_OP"], final: { s2HwWritable: true, folioDirty: true, kvmRefs: 0 } },
      v12: { violations: [], final: { s2HwWritable: true, folioDirty: true, kvmRefs: 0 } },
      landed: { violations: [], final: { s2HwWritable: true, folioDirty: true, kvmRefs: 0 } },
    },
  },
  s2FalseDirty("S2", "loongarch"),
  s2FalseDirty("S2-mips", "mips"),
  s2FalseDirty("S2-x86", "x86"),
  {
    id: "S3", arch: "loongarch", patches: [64],
    title: "Dirty after writeback via the LoongArch fast path",
    summary: "The fast path makes the pte writable and drops mmu_lock; writeback zaps, cleans and writes the folio; then the pre-series fast path marks it dirty behind the fs's back. Truncate then trips filemap_unaccount_folio's WARN. No data is lost: the zapped pte forces a new fault.",
    opts: { backing: "file_wn" },
    script: [ev("VMM_WRITE_HVA"), r(), drain(), w(), f(), ...WB, f(), drain(), ev("WB_END"), ev("TRUNCATE")],
    expect: {
      pre: { violations: ["DIRTY_AFTER_WRITEBACK", "FASTPATH_FOLIO_OP"], logs: ["TRUNCATE_DIRTY_WARN"], final: { kvmRefs: 0 } },
      v12: { violations: [], noLogs: ["TRUNCATE_DIRTY_WARN"] },
      landed: { violations: [], noLogs: ["TRUNCATE_DIRTY_WARN"] },
    },
  },
  {
    id: "S3-arm64", arch: "arm64", patches: [54, 55],
    title: "Dirty after writeback, arm64 (kvm_set_pfn_dirty after read_unlock)",
    summary: "user_mem_abort() installs a writable pte and drops mmu_lock before marking the folio dirty (commit 9c30fc615daa); writeback runs in between. v12 54/55 mark and release before read_unlock.",
    opts: { backing: "file_wn" },
    script: [ev("VMM_WRITE_HVA"), w(), f(), f(), f(), f(), ...WB, drain()],
    expect: {
      pre: { violations: ["DIRTY_AFTER_WRITEBACK"], final: { kvmRefs: 0 } },
      v12: { violations: ["REF_LEAK"], final: { kvmRefs: 1 } },
      landed: { violations: [], final: { kvmRefs: 0 } },
    },
  },
  {
    id: "S4", arch: "loongarch", patches: [64, 65],
    title: "Lost write and use-after-free, v6.10 LoongArch fast path",
    summary: "vCPU0's fast path makes the pte writable and unlocks; vCPU1 writes through it; reclaim zaps, unmaps and frees the still-clean folio; then vCPU0 marks the freed page dirty. maobibo's get_page fix (v6.12) stops the free, but the late dirtying is still unprotected; the series removes it.",
    opts: { backing: "anon", vcpus: 2, hostPte: writableClean },
    script: [r(0), drain(0), w(0), f(0), w(1), ...RECLAIM, drain(0)],
    expect: {
      "pre-nofastref": { violations: ["LOST_WRITE", "UAF"], final: { folioExists: false } },
      pre: { violations: ["DIRTY_AFTER_WRITEBACK", "FASTPATH_FOLIO_OP"], final: { folioExists: true, kvmRefs: 0 } },
      v12: { violations: [], final: { folioExists: true, kvmRefs: 0 } },
      landed: { violations: [], final: { folioExists: true, kvmRefs: 0 } },
    },
  },
  {
    id: "S5", arch: "arm64", patches: [82],
    title: "arm64 Access-flag fault: accessed after unlock without a reference",
    summary: "handle_access_fault() makes the pte young under read_lock, unlocks, then calls kvm_set_pfn_accessed() on the pte's pfn with no reference; reclaim frees the page in between. v12 82 drops the call.",
    opts: { backing: "anon", s2: { present: true, young: false } },
    script: [r(), f(), ...RECLAIM, f()],
    expect: { pre: { violations: ["UAF"] }, v12: clean, landed: clean },
  },
  {
    id: "S5-pfnmap", arch: "arm64", patches: [82, 84],
    title: "arm64 Access-flag fault on a PFNMAP page with a struct page",
    summary: "The same post-unlock kvm_set_pfn_accessed() lands on a driver-owned page KVM never referenced.",
    opts: { backing: "pfnmap_page_rc", s2: { present: true, young: false } },
    script: [r(), f(), f()],
    expect: { pre: { violations: ["PFNMAP_REF_OP"] }, v12: clean, landed: clean },
  },
  {
    id: "S6", arch: "mips", patches: [70],
    title: "MIPS slow path: accessed after release",
    summary: "kvm_mips_map_page() drops its reference (kvm_release_pfn_clean) and only then calls kvm_set_pfn_accessed(); reclaim frees the page in between. v12 70 releases before unlock and drops the late accessed.",
    opts: { backing: "anon" },
    script: [r(), f(), f(), f(), f(), f(), ...RECLAIM, f()],
    expect: { pre: { violations: ["UAF"], final: { folioExists: false } }, v12: clean, landed: clean },
  },
  {
    id: "S7a", arch: "x86", patches: [84],
    title: "PFNMAP page with refcount 0 (amdgpu tail page)",
    summary: "Before the series kvm_resolve_pfn()'s get_page_unless_zero() fails and the fault returns -EFAULT; after it KVM maps the pfn without touching the page.",
    opts: { backing: "pfnmap_page_norc" },
    script: [r(), drain()],
    expect: {
      pre: { violations: [], logs: ["MAP_FAILED"], final: { s2Present: false, mapFailed: 1 } },
      v12: { violations: [], noLogs: ["MAP_FAILED"], final: { s2Present: true } },
      landed: { violations: [], noLogs: ["MAP_FAILED"], final: { s2Present: true } },
    },
  },
  {
    id: "S7b", arch: "x86", patches: [7, 84],
    title: "PFNMAP page with a normal refcount, x86 write then zap",
    summary: "Before the series KVM takes an extra reference on the driver's page, releases it with accessed, and marks it dirty/accessed when the SPTE is zapped. After it, no reference and no flag ops.",
    opts: { backing: "pfnmap_page_rc" },
    script: [w(), drain(), ev("WB_INVALIDATE_START"), ev("WB_MKCLEAN"), ev("WB_INVALIDATE_END")],
    expect: { pre: { violations: ["PFNMAP_REF_OP"] }, v12: clean, landed: clean },
  },
  {
    id: "S7c", arch: "x86", patches: [84],
    title: "PFNMAP without a struct page",
    summary: "!pfn_valid() makes every pre-series helper a no-op, so both policies are clean.",
    opts: { backing: "pfnmap_nopage" },
    script: [w(), drain(), ev("WB_INVALIDATE_START"), ev("WB_MKCLEAN"), ev("WB_INVALIDATE_END")],
    expect: { pre: clean, v12: clean, landed: clean },
  },
  s8Retry("S8", "loongarch"),
  s8Retry("S8-arm64", "arm64"),
  s8Retry("S8-riscv", "riscv"),
];

export const SCENARIO_BY_ID: Record<string, Scenario> = Object.fromEntries(SCENARIOS.map((s) => [s.id, s]));
