// Per-arch fault-path behaviour as data, one profile per (arch, policy).
// The design note's section 3 is the source of truth; every field cites where its
// value comes from, and `fix` is the v12 patch number that changes it (UI link).
import type { Arch, Policy } from "./types";

export type Sourced<T> = { v: T; src: string; fix: number };

export type OpPoint = "none" | "beforeLock" | "locked" | "afterUnlock" | "afterRelease";

export type ArchProfile = {
  /** 'locked' = LoongArch/MIPS take mmu_lock in the "fast" path; 'lockless' = x86 cmpxchg. */
  fastPath: Sourced<"none" | "locked" | "lockless">;
  fastDirty: Sourced<"none" | "locked" | "afterUnlock">;
  fastAccessed: Sourced<"none" | "afterUnlock">;
  /** maobibo's get_page() around the post-unlock fast-path folio ops. */
  fastHoldsRef: Sourced<boolean>;
  /** When the slow path calls kvm_set_pfn_dirty(); 'hwWritable' = prot_bits & _PAGE_DIRTY. */
  slowDirty: Sourced<{ cond: "none" | "hostWritable" | "writeFault" | "hwWritable"; point: OpPoint }>;
  slowAccessed: Sourced<OpPoint>;
  /** 'pfn' = kvm_release_pfn_clean (refcounted-page heuristic, marks accessed);
   *  'faultinPage' = kvm_release_faultin_page(page, unused, dirty=hostWritable). */
  release: Sourced<{ point: "locked" | "afterUnlock"; kind: "pfn" | "faultinPage" }>;
  /** v12 54 (arm64) / 56 (RISC-V) as posted: kvm_set_pfn_dirty() where a release was needed. */
  dirtyInsteadOfRelease: Sourced<boolean>;
  retryMarksAccessed: Sourced<boolean>;
  zapFolioOps: Sourced<{ dirty: boolean; accessed: boolean }>;
  clearDirtyLogFolioDirty: Sourced<boolean>;
  faultLockMode: Sourced<"read" | "write">;
  /** Pre-series kvm_resolve_pfn(): get_page_unless_zero() on PFNMAP pfns with a struct page. */
  pfnmapRefHack: Sourced<boolean>;
  afFault: Sourced<"none" | "accessedAfterUnlock" | "mkyoungOnly">;
  /** Guest read of an old (young=0) s2 pte faults (software young); else hardware sets it. */
  softYoungFault: Sourced<boolean>;
  /** A read fault on host-writable memory installs a hardware-writable s2 pte. */
  hwWritableOnRead: Sourced<boolean>;
  /** s2 has a "may become writable without GUP" bit (LoongArch/MIPS _PAGE_WRITE, x86 MMU-writable). */
  hasSwWritable: Sourced<boolean>;
  /** s390: the guest runs on the host page tables (gmap); no KVM folio ops in faults. */
  sharesHostTables: Sourced<boolean>;
};

const base = "v6.12";
const S = <T>(v: T, src: string, fix = 0): Sourced<T> => ({ v, src, fix });

const PRE_COMMON: Pick<ArchProfile, "dirtyInsteadOfRelease" | "pfnmapRefHack" | "sharesHostTables" | "afFault" | "softYoungFault" | "zapFolioOps" | "clearDirtyLogFolioDirty"> = {
  dirtyInsteadOfRelease: S(false, "not in the pre-series code"),
  pfnmapRefHack: S(true, `${base} virt/kvm/kvm_main.c:kvm_resolve_pfn (FIXME removed by v12 84)`, 84),
  sharesHostTables: S(false, "stage-2 / shadow tables are separate from the host's"),
  afFault: S("none", "only arm64 has an Access-flag fault path"),
  softYoungFault: S(false, "hardware sets accessed on hit [inf]"),
  zapFolioOps: S({ dirty: false, accessed: false }, "only x86 marks folios on the back end (v12 07 message)", 7),
  clearDirtyLogFolioDirty: S(false, "only x86 marks folios on dirty-log clear (v12 07 diff)", 7),
};

const PRE: Record<Arch, ArchProfile> = {
  x86: {
    ...PRE_COMMON,
    fastPath: S("lockless", "arch/x86/kvm/mmu/mmu.c:fast_page_fault"),
    fastDirty: S("none", "fast_pf_fix_direct_spte only marks the memslot"),
    fastAccessed: S("none", "fast_page_fault never touches folios"),
    fastHoldsRef: S(false, "fast_page_fault takes no reference"),
    slowDirty: S({ cond: "none", point: "none" }, "pre-07: dirty marked from the SPTE at zap/modify", 7),
    slowAccessed: S("none", "accessed comes from kvm_release_pfn_clean", 47),
    release: S({ point: "afterUnlock", kind: "pfn" }, "mmu.c:kvm_mmu_finish_page_fault predecessor, kvm_release_pfn_clean after unlock", 48),
    retryMarksAccessed: S(true, "kvm_release_pfn_clean on RET_PF_RETRY", 47),
    zapFolioOps: S({ dirty: true, accessed: true }, "mmu.c:mmu_spte_clear_track_bits, tdp_mmu.c:handle_changed_spte", 7),
    clearDirtyLogFolioDirty: S(true, "spte_wrprot_for_clear_dirty / clear_dirty_pt_masked (removed by v12 07)", 7),
    faultLockMode: S("read", "TDP MMU faults take mmu_lock for read [inf]"),
    hwWritableOnRead: S(true, "make_spte maps writable if host-writable (TDP) [inf]"),
    hasSwWritable: S(true, "shadow_mmu_writable_mask / host-writable SPTE bits"),
  },
  arm64: {
    ...PRE_COMMON,
    fastPath: S("none", "arch/arm64/kvm/mmu.c: every fault goes to user_mem_abort"),
    fastDirty: S("none", "no fast path"),
    fastAccessed: S("none", "no fast path"),
    fastHoldsRef: S(false, "no fast path"),
    slowDirty: S({ cond: "hostWritable", point: "afterUnlock" }, "user_mem_abort out_unlock: after read_unlock (commit 9c30fc615daa)", 54),
    slowAccessed: S("none", "accessed comes from kvm_release_pfn_clean"),
    release: S({ point: "afterUnlock", kind: "pfn" }, "user_mem_abort: kvm_release_pfn_clean after read_unlock", 54),
    retryMarksAccessed: S(true, "-EAGAIN goes through out_unlock -> kvm_release_pfn_clean", 55),
    faultLockMode: S("read", "user_mem_abort: read_lock(&kvm->mmu_lock)"),
    afFault: S("accessedAfterUnlock", "handle_access_fault: kvm_set_pfn_accessed after read_unlock, no ref (v12 82 diff)", 82),
    hwWritableOnRead: S(true, "user_mem_abort maps writable when GUP says writable [inf: not when dirty logging]"),
    hasSwWritable: S(false, "every permission fault takes the full path"),
  },
  riscv: {
    ...PRE_COMMON,
    fastPath: S("none", "arch/riscv/kvm/mmu.c: kvm_riscv_gstage_map only"),
    fastDirty: S("none", "no fast path"),
    fastAccessed: S("none", "no fast path"),
    fastHoldsRef: S(false, "no fast path"),
    slowDirty: S({ cond: "hostWritable", point: "locked" }, "kvm_riscv_gstage_map: kvm_set_pfn_dirty before gstage_map_page (v12 56 diff)", 56),
    slowAccessed: S("afterUnlock", "kvm_riscv_gstage_map: kvm_set_pfn_accessed after spin_unlock", 57),
    release: S({ point: "afterUnlock", kind: "pfn" }, "kvm_riscv_gstage_map: kvm_release_pfn_clean after unlock", 58),
    retryMarksAccessed: S(true, "retry goes through out_unlock [inf]", 58),
    faultLockMode: S("write", "spin_lock(&kvm->mmu_lock)"),
    hwWritableOnRead: S(true, "gstage_map_page maps RW when writable"),
    hasSwWritable: S(false, "no fast path"),
  },
  loongarch: {
    ...PRE_COMMON,
    fastPath: S("locked", "arch/loongarch/kvm/mmu.c:kvm_map_page_fast takes kvm->mmu_lock"),
    fastDirty: S("afterUnlock", "kvm_map_page_fast: kvm_set_pfn_dirty after spin_unlock (v12 64 diff)", 64),
    fastAccessed: S("afterUnlock", "kvm_map_page_fast: kvm_set_pfn_accessed after spin_unlock (v12 65)", 65),
    fastHoldsRef: S(true, "maobibo <20240619080940.2690756-7-maobibo@loongson.cn> get_page under lock", 65),
    slowDirty: S({ cond: "hwWritable", point: "afterUnlock" }, "kvm_map_page: if (prot_bits & _PAGE_DIRTY) after spin_unlock (v12 64 diff)", 64),
    slowAccessed: S("afterUnlock", "kvm_map_page: kvm_set_pfn_accessed after unlock", 66),
    release: S({ point: "afterUnlock", kind: "pfn" }, "kvm_map_page: kvm_release_pfn_clean after unlock (v12 66 diff)", 66),
    retryMarksAccessed: S(true, "retry: kvm_release_pfn_clean then goto retry", 67),
    faultLockMode: S("write", "spin_lock(&kvm->mmu_lock)"),
    softYoungFault: S(true, "kvm_map_page_fast sets young on a present pte [inf: old pte is invalid to hw]"),
    hwWritableOnRead: S(false, "kvm_map_page: __WRITEABLE (_PAGE_DIRTY) only on a write fault"),
    hasSwWritable: S(true, "_PAGE_WRITE, tested by kvm_pte_write()"),
  },
  mips: {
    ...PRE_COMMON,
    fastPath: S("locked", "arch/mips/kvm/mmu.c:_kvm_mips_map_page_fast under mmu_lock"),
    fastDirty: S("locked", "_kvm_mips_map_page_fast: kvm_set_pfn_dirty inside the lock (v12 68 diff)", 68),
    fastAccessed: S("afterUnlock", "_kvm_mips_map_page_fast: kvm_set_pfn_accessed after unlock, no ref (v12 69)", 69),
    fastHoldsRef: S(false, "no get_page in the MIPS fast path", 69),
    slowDirty: S({ cond: "writeFault", point: "locked" }, "kvm_mips_map_page: dirty only on a write fault, under the lock (v12 68)", 68),
    slowAccessed: S("afterRelease", "kvm_mips_map_page: kvm_set_pfn_accessed after kvm_release_pfn_clean (v12 70 diff)", 70),
    release: S({ point: "afterUnlock", kind: "pfn" }, "kvm_mips_map_page: kvm_release_pfn_clean after unlock", 70),
    retryMarksAccessed: S(true, "retry: kvm_release_pfn_clean [inf]", 71),
    faultLockMode: S("write", "spin_lock(&kvm->mmu_lock)"),
    softYoungFault: S(true, "_kvm_mips_map_page_fast sets young [inf: old pte is invalid to hw]"),
    hwWritableOnRead: S(false, "_PAGE_DIRTY (hw write enable) only on a write fault [inf]"),
    hasSwWritable: S(true, "_PAGE_WRITE [inf]"),
  },
  ppc_book3s_pr: {
    ...PRE_COMMON,
    fastPath: S("none", "book3s_64_mmu_host.c: no lockless fast path modelled [inf]"),
    fastDirty: S("none", "no fast path"),
    fastAccessed: S("none", "no fast path"),
    fastHoldsRef: S(false, "no fast path"),
    slowDirty: S({ cond: "hostWritable", point: "beforeLock" }, "kvmppc_mmu_map_page: kvm_set_pfn_dirty before install and retry check", 62),
    slowAccessed: S("beforeLock", "kvmppc_mmu_map_page: kvm_set_pfn_accessed before install", 62),
    release: S({ point: "afterUnlock", kind: "pfn" }, "kvmppc_mmu_map_page: kvm_release_pfn_clean after unlock", 62),
    retryMarksAccessed: S(true, "kvm_release_pfn_clean on retry [inf]", 63),
    faultLockMode: S("write", "spin_lock(&kvm->mmu_lock) around the retry check [inf]"),
    hwWritableOnRead: S(true, "maps writable when host-writable [inf]"),
    hasSwWritable: S(false, "not modelled"),
  },
  ppc_e500: {
    ...PRE_COMMON,
    fastPath: S("none", "e500_mmu_host.c: no fast path"),
    fastDirty: S("none", "no fast path"),
    fastAccessed: S("none", "no fast path"),
    fastHoldsRef: S(false, "no fast path"),
    slowDirty: S({ cond: "hostWritable", point: "locked" }, "kvmppc_e500_ref_setup: dirty if the guest TLB entry is writable [inf: under mmu_lock]", 51),
    slowAccessed: S("locked", "kvmppc_e500_ref_setup marks accessed [inf: under mmu_lock]", 52),
    release: S({ point: "afterUnlock", kind: "pfn" }, "kvmppc_e500_shadow_map: kvm_release_pfn_clean after unlock [inf]", 53),
    retryMarksAccessed: S(true, "kvm_release_pfn_clean on -EAGAIN [inf]", 53),
    faultLockMode: S("write", "spin_lock(&kvm->mmu_lock)"),
    hwWritableOnRead: S(true, "maps writable when host-writable [inf]"),
    hasSwWritable: S(false, "not modelled"),
  },
  s390: {
    ...PRE_COMMON,
    fastPath: S("none", "s390 faults in host page tables (gmap), no stage-2 fast path"),
    fastDirty: S("none", "no KVM folio op in the fault path"),
    fastAccessed: S("none", "no KVM folio op in the fault path"),
    fastHoldsRef: S(false, "no fast path"),
    slowDirty: S({ cond: "none", point: "none" }, "core MM tracks dirtiness of host page tables"),
    slowAccessed: S("none", "core MM tracks young"),
    release: S({ point: "afterUnlock", kind: "pfn" }, "vsie.c:unpin_guest_page used kvm_release_pfn_dirty", 79),
    retryMarksAccessed: S(false, "no reference taken in the fault path"),
    faultLockMode: S("write", "gmap fault: modelled as write lock [inf]"),
    hwWritableOnRead: S(true, "host pte writability is the guest's"),
    hasSwWritable: S(false, "not modelled"),
    sharesHostTables: S(true, "gmap shares the host page tables"),
  },
};

/** v13 as landed in v6.13: every arch converges on kvm_release_faultin_page under mmu_lock. */
function landed(arch: Arch): ArchProfile {
  const p = PRE[arch];
  if (arch === "s390") return { ...p, release: S({ point: "afterUnlock", kind: "faultinPage" }, "vsie.c:unpin_guest_page: kvm_release_page_dirty (v12 79)", 79), pfnmapRefHack: S(false, "removed by v12 84", 84) };
  const relFix: Record<Arch, number> = { x86: 48, arm64: 55, riscv: 58, loongarch: 67, mips: 71, ppc_book3s_pr: 63, ppc_e500: 53, s390: 79 };
  return {
    ...p,
    fastDirty: S("none", "fast path keeps only mark_page_dirty (dirty log)", p.fastDirty.fix || 64),
    fastAccessed: S("none", "no accessed in the fast path", p.fastAccessed.fix || 65),
    fastHoldsRef: S(false, "no folio op, so no reference needed", p.fastHoldsRef.fix || 65),
    slowDirty: S({ cond: "none", point: "none" }, "dirty folded into kvm_release_faultin_page(dirty=writable), under mmu_lock", p.slowDirty.fix || 41),
    slowAccessed: S("none", "accessed folded into kvm_release_faultin_page, under mmu_lock", p.slowAccessed.fix || 66),
    release: S({ point: "locked", kind: "faultinPage" }, "kvm_release_faultin_page(kvm, page, unused, writable) before unlock (v12 48 + arch conversion)", relFix[arch]),
    retryMarksAccessed: S(false, "kvm_release_page_unused: plain put_page on retry (v12 47/48)", 47),
    zapFolioOps: S({ dirty: false, accessed: false }, "v12 07 + 08/81: no folio ops on zap", 7),
    clearDirtyLogFolioDirty: S(false, "v12 07: dirty marked at SPTE creation instead", 7),
    pfnmapRefHack: S(false, "v12 84: no reference on VM_MIXEDMAP pfns with a struct page", 84),
    afFault: S(arch === "arm64" ? "mkyoungOnly" : "none", "v12 82: no accessed on mkyoung", 82),
  };
}

/** v12 as posted, at the bisect point right after 54/56 (the reference leak Oliver caught). */
function v12(arch: Arch): ArchProfile {
  const p = landed(arch);
  if (arch !== "arm64" && arch !== "riscv") return p;
  const n = arch === "arm64" ? 54 : 56;
  return {
    ...p,
    dirtyInsteadOfRelease: S(true, `v12 ${n} as posted: kvm_set_pfn_dirty() instead of kvm_release_pfn_dirty() (Oliver, <ZrI_AdLhWZqNKC4z@google.com>)`, n),
  };
}

function preNoFastRef(arch: Arch): ArchProfile {
  const p = PRE[arch];
  if (arch !== "loongarch") return p;
  return { ...p, fastHoldsRef: S(false, "v6.10 kvm_map_page_fast: 'Fixme: pfn may be freed after mmu_lock' (3daee2e4)", 65) };
}

const cache: Partial<Record<Arch, Partial<Record<Policy, ArchProfile>>>> = {};

const build = (arch: Arch, policy: Policy): ArchProfile =>
  policy === "pre" ? PRE[arch] : policy === "pre-nofastref" ? preNoFastRef(arch) : policy === "v12" ? v12(arch) : landed(arch);

/** Memoised per (arch, policy): step() asks for it on every transition of the explorer. */
export function getProfile(arch: Arch, policy: Policy): ArchProfile {
  const byPolicy = (cache[arch] ??= {});
  return (byPolicy[policy] ??= build(arch, policy));
}

export const ARCHES: Arch[] = ["x86", "arm64", "riscv", "loongarch", "mips", "ppc_book3s_pr", "ppc_e500", "s390"];
export const POLICIES: Policy[] = ["pre-nofastref", "pre", "v12", "landed"];
