// Shapes of the fault-path simulator. Everything is plain JSON so a state can be
// put in a URL, a snapshot test or a Web Worker message unchanged.
// Design: shared/design/fault-path-model.md (sections 1, 2 and 6).

export type Arch =
  | "x86"
  | "arm64"
  | "riscv"
  | "loongarch"
  | "mips"
  | "ppc_book3s_pr"
  | "ppc_e500"
  | "s390";

/**
 * "pre" = v6.12 (the series' base, with maobibo's LoongArch get_page fix),
 * "pre-nofastref" = v6.10-era LoongArch fast path without that fix (same as "pre" elsewhere),
 * "v12" = the series as posted (includes the arm64 54 / RISC-V 56 reference leak),
 * "landed" = v13, merged for v6.13.
 */
export type Policy = "pre-nofastref" | "pre" | "v12" | "landed";

export type Backing =
  | "anon"
  | "shmem"
  | "file_wn"
  | "pfnmap_nopage"
  | "pfnmap_page_rc"
  | "pfnmap_page_norc";

export type ActorId = "v0" | "v1" | "vmm" | "wb" | "reclaim" | "age" | "dirtylog";

export type HostPte = { present: boolean; writable: boolean; dirty: boolean; young: boolean };

export type Folio = {
  exists: boolean;
  /** Changes only if the model ever re-allocates; kept so a stale pfn can be told apart. */
  pfn: number;
  /** Mapping/page-cache ref (1 while owned by MM) + kvmRefs + pinned. */
  refcount: number;
  kvmRefs: number;
  pinned: number;
  dirty: boolean;
  writeback: boolean;
  /** Incremented each time MM clears PG_dirty for I/O. */
  cleanEpoch: number;
  /** Epoch in which content was last modified (VMM or guest); null = never. */
  contentEpochWritten: number | null;
  /** True once the current content has been handed to I/O (cleared by any later write). */
  contentPersisted: boolean;
  dirtiedByKvmEpoch: number | null;
  fsNotifiedEpoch: number | null;
  accessed: boolean;
  truncated: boolean;
};

export type LockMode = "none" | "read" | "write";
export type MmuLock = { mode: LockMode; holders: ActorId[] };

export type S2Pte = {
  present: boolean;
  pfn: number;
  swWritable: boolean;
  hwWritable: boolean;
  dirty: boolean;
  young: boolean;
  refcountedPage: boolean;
};

/** One deferred folio operation a fault still has to do after dropping mmu_lock. */
export type PendingOp = {
  op: "dirty" | "accessed" | "release_clean" | "release_dirty" | "put" | "mark_log";
  /** Patch of the v12 series that removes/moves this op (for violation links). */
  fix: number;
  src: string;
};

export type FaultPhase =
  | "F1" // fast path
  | "F1b" // pre-series post-unlock folio ops of the fast path
  | "F2" // mmu_invalidate_seq snapshot
  | "F3" // GUP / faultin
  | "F4" // lock + mmu_invalidate_retry_gfn
  | "F5" // install s2 + locked folio ops
  | "F7" // unlock
  | "F8" // post-unlock folio ops (one per step)
  | "AF1" // arm64 handle_access_fault: lock, mkyoung, unlock
  | "AF2"; // arm64 pre: kvm_set_pfn_accessed after unlock

export type Fault = {
  phase: FaultPhase;
  isWrite: boolean;
  mmuSeqSnap: number | null;
  /** mmu_invalidate_seq when GUP / the fast path got the pfn: an invalidation that ends after
   *  this makes the pfn's folio state stale (I2). Differs from mmuSeqSnap, taken before GUP. */
  pfnSeq: number | null;
  /** cleanEpoch when KVM obtained the pfn; I2 compares against it. */
  epochSnap: number;
  pfn: number | null;
  /** Post-series: did kvm_faultin_pfn() hand back a refcounted struct page. */
  page: boolean;
  hostWritable: boolean;
  /** References this fault holds (GUP or get_page); must be 0 at done/retry (I6). */
  refs: number;
  retries: number;
  pending: PendingOp[];
  holdsLock: boolean;
};

export type VcpuState = { fault: Fault | null; map: { pfn: number; writable: boolean; epochSnap: number } | null };

/** Core-MM actor progress, so WB/reclaim steps happen in kernel order. */
export type WbPhase = "idle" | "started" | "mkcleaned" | "ended" | "io";
export type ReclaimPhase = "idle" | "started" | "unmapped" | "ended" | "freed";

export type SimState = {
  arch: Arch;
  policy: Policy;
  backing: Backing;
  hostPte: HostPte;
  folio: Folio;
  mmuLock: MmuLock;
  mmuInvalidateSeq: number;
  mmuInvalidateInProgress: number;
  dirtyLog: { enabled: boolean; bitmap: boolean; wroteSinceHarvest: boolean };
  slotReadonly: boolean;
  s2: S2Pte;
  vcpus: VcpuState[];
  wb: WbPhase;
  reclaim: ReclaimPhase;
  /** Info-level counter: KVM dirtied a folio that nobody wrote this epoch (accepted by Sean). */
  falseDirtyCount: number;
  mapFailed: number;
};

export type InitOpts = {
  backing?: Backing;
  vcpus?: 1 | 2;
  hostPte?: Partial<HostPte>;
  s2?: Partial<S2Pte>;
  folio?: Partial<Folio>;
  dirtyLog?: boolean;
};

export type Vcpu = 0 | 1;

export type SimEvent =
  | { t: "GUEST_READ" | "GUEST_WRITE" | "FAULT_STEP" | "AF_STEP"; vcpu: Vcpu }
  | { t: "VCPU_MAP"; vcpu: Vcpu; writable: boolean }
  | { t: "VCPU_UNMAP"; vcpu: Vcpu }
  | { t: "VMM_WRITE_HVA" | "VMM_READ_HVA" }
  | { t: "WB_INVALIDATE_START" | "WB_MKCLEAN" | "WB_INVALIDATE_END" | "WB_CLEAR_DIRTY" | "WB_END" }
  | { t: "RECLAIM_INVALIDATE_START" | "RECLAIM_UNMAP" | "RECLAIM_INVALIDATE_END" | "RECLAIM_FREE" }
  | { t: "TRUNCATE" }
  | { t: "AGE_CLEAR_YOUNG" | "AGE_TEST_YOUNG" }
  | { t: "DIRTYLOG_ENABLE" | "DIRTYLOG_GET_CLEAR" };

export type EventType = SimEvent["t"];

export type LogLevel = "info" | "warn" | "blocked" | "violation";

export type LogEntry = {
  actor: ActorId;
  level: LogLevel;
  phase?: FaultPhase;
  /** e.g. 'KVM_SET_PAGE_DIRTY', 'S2_INSTALL', 'RETRY', 'KVM_FALSE_DIRTY', 'MAP_FAILED'. */
  code: string;
  detail: string;
  /** 'v12 64/84' or 'arch/loongarch/kvm/mmu.c:kvm_map_page'. */
  srcRef?: string;
};

export type InvariantId = "I1" | "I2" | "I3" | "I4" | "I5" | "I6" | "I7" | "I8" | "I9";

export type ViolationCode =
  | "LOST_WRITE"
  | "DIRTY_AFTER_WRITEBACK"
  | "UAF"
  | "FASTPATH_FOLIO_OP"
  | "PFNMAP_REF_OP"
  | "REF_LEAK"
  | "LOCK_ASSERT"
  | "S2_INCOHERENT"
  | "DIRTYLOG_MISS";

export type Violation = {
  invariant: InvariantId;
  code: ViolationCode;
  severity: "bug" | "warn" | "policy";
  /** Index of the step (0-based) in the trace; filled by run(); -1 from a bare step(). */
  stepIndex: number;
  /** One sentence a reviewer understands. */
  explain: string;
  /** v12 patch number that addresses it (link target #patch-NN). */
  patch: number;
};

export type StepResult = { state: SimState; log: LogEntry[]; violations: Violation[]; blocked: boolean };
