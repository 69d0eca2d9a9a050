// vCPU actor: guest accesses and the fault state machine (design note section 2.2).
// One FAULT_STEP = one phase, so any other actor can run between two phases.
import { type Ctx, canLock, flag, holdsLock, isFolioLocked, isPfnmap, lock, say, unlock } from "./ctx";
import { kvmFolioOp, type OpSite } from "./folio-ops";
import type { Fault, PendingOp, SimState, Vcpu } from "./types";
import type { ArchProfile } from "./profiles";

const newFault = (s: SimState, isWrite: boolean, phase: Fault["phase"]): Fault => ({
  phase, isWrite, mmuSeqSnap: null, pfnSeq: null, epochSnap: s.folio.cleanEpoch, pfn: null, page: false,
  hostWritable: false, refs: 0, retries: 0, pending: [], holdsLock: false,
});

function markLog(c: Ctx, why: string): void {
  if (!c.s.dirtyLog.enabled) return;
  c.s.dirtyLog.bitmap = true;
  say(c, "info", "MARK_PAGE_DIRTY", `dirty log: gfn marked (${why})`, "virt/kvm/kvm_main.c:mark_page_dirty_in_slot");
}

function writeContent(s: SimState): void {
  s.folio.contentEpochWritten = s.folio.cleanEpoch;
  s.folio.contentPersisted = false;
}

const hwYoung = (p: ArchProfile) => !p.softYoungFault.v && p.afFault.v === "none";

/** GUEST_READ / GUEST_WRITE: hit through s2, or exit into a fault. */
export function guestAccess(c: Ctx, v: Vcpu, isWrite: boolean): void {
  const { s, p } = c;
  const s2 = s.s2;
  const youngOk = s2.young || hwYoung(p);
  if (s2.present && youngOk && (!isWrite || s2.hwWritable)) {
    s2.young = true;
    if (isWrite) {
      s2.dirty = true;
      writeContent(s);
      if (p.sharesHostTables.v) s.hostPte.dirty = true;
      if (s.dirtyLog.enabled) s.dirtyLog.wroteSinceHarvest = true;
    }
    say(c, "info", isWrite ? "GUEST_WRITE_HIT" : "GUEST_READ_HIT", `guest ${isWrite ? "store" : "load"} hits the stage-2 pte`);
    return;
  }
  let phase: Fault["phase"] = "F2";
  if (s2.present && !isWrite && !s2.young && p.afFault.v !== "none") phase = "AF1";
  else if (s2.present && p.fastPath.v === "locked") phase = "F1";
  else if (s2.present && p.fastPath.v === "lockless" && isWrite && s2.swWritable) phase = "F1";
  const f = newFault(s, isWrite, phase);
  if (phase === "F2") {
    // The exit itself touches no shared state, so the seq snapshot is taken in the same step.
    f.mmuSeqSnap = s.mmuInvalidateSeq;
    f.phase = "F3";
  }
  s.vcpus[v].fault = f;
  say(c, "info", "FAULT_BEGIN", `${isWrite ? "write" : "read"} fault -> ${phase === "F2" ? "F2 snapshot seq=" + s.mmuInvalidateSeq : phase}`);
}

export function faultBlocked(s: SimState, p: ArchProfile, v: Vcpu): string | null {
  const f = s.vcpus[v]?.fault;
  if (!f) return "this vCPU has no fault in progress";
  switch (f.phase) {
    case "F1":
      return p.fastPath.v === "locked" && !canLock(s, "write") ? "mmu_lock is held" : null;
    case "AF1":
      return canLock(s, "read") ? null : "mmu_lock is held for write";
    case "F3":
      if (isPfnmap(s)) return null;
      if (!s.folio.exists || s.folio.truncated) return "the folio is gone (the model follows one folio's lifetime)";
      if (isFolioLocked(s) && (!s.hostPte.present || (f.isWrite && !s.hostPte.writable && s.backing === "file_wn")))
        return "GUP must fault the host pte in, which waits on the folio lock held by writeback/reclaim";
      return null;
    case "F4":
      return canLock(s, p.faultLockMode.v) ? null : "mmu_lock is held";
    default:
      return null;
  }
}

function siteOf(f: Fault, fix: number, src: string, fromFast = false): OpSite {
  return {
    pfn: f.pfn ?? -1, holdsRef: f.refs > 0, fromFast, epochSnap: f.epochSnap, seqSnap: f.pfnSeq,
    passedRetry: f.phase === "F5" && f.holdsLock, fix, src,
  };
}

function finish(c: Ctx, v: Vcpu, f: Fault, fix: number): void {
  if (f.refs > 0)
    flag(c, "I6", "REF_LEAK", "bug", fix,
      `The fault finished still holding ${f.refs} reference(s) on the page, so the folio can never be freed (refcount leak).`);
  c.s.vcpus[v].fault = null;
  say(c, "info", "FAULT_DONE", "fault handled, vCPU re-enters the guest");
}

function runPending(c: Ctx, f: Fault, op: PendingOp): void {
  const site = siteOf(f, op.fix, op.src, f.phase === "F1b");
  if (op.op === "mark_log") return markLog(c, op.src);
  if (op.op === "dirty" || op.op === "accessed") { kvmFolioOp(c, op.op, site); return; }
  if (op.op === "release_dirty") kvmFolioOp(c, "dirty", site);
  if (op.op === "release_clean" || op.op === "release_dirty") {
    if (f.refs === 0) { say(c, "info", "RELEASE_NOOP", "no refcounted page to release", op.src); return; }
    kvmFolioOp(c, "accessed", site);
  }
  if (f.refs > 0) { kvmFolioOp(c, "put", site); f.refs--; }
}

/** Slow-path faultin (F3): GUP, refcount, hostWritable. */
function faultin(c: Ctx, f: Fault): boolean {
  const { s, p } = c;
  const h = s.hostPte;
  const post = p.release.v.kind === "faultinPage";
  if (!isPfnmap(s)) {
    if (!h.present || (f.isWrite && !h.writable)) {
      if (f.isWrite && s.backing === "file_wn") {
        s.folio.dirty = true;
        s.folio.fsNotifiedEpoch = s.folio.cleanEpoch;
        say(c, "info", "PAGE_MKWRITE", "GUP write fault: ->page_mkwrite, folio dirtied by the fs", "mm/memory.c:do_page_mkwrite");
      }
      h.present = true;
      h.young = true;
      if (f.isWrite) { h.writable = true; h.dirty = true; }
    }
  }
  f.hostWritable = f.isWrite || h.writable;
  f.pfn = s.folio.pfn;
  f.epochSnap = s.folio.cleanEpoch;
  f.pfnSeq = s.mmuInvalidateSeq;
  const src = "virt/kvm/kvm_main.c:hva_to_pfn";
  if (s.backing === "pfnmap_nopage" || (post && isPfnmap(s)) || p.sharesHostTables.v) {
    f.page = false;
  } else if (isPfnmap(s)) {
    if (s.backing === "pfnmap_page_norc") {
      s.mapFailed++;
      say(c, "warn", "MAP_FAILED", "get_page_unless_zero() failed on a refcount-0 struct page: KVM_PFN_ERR_FAULT, -EFAULT to userspace", "kvm_main.c:kvm_resolve_pfn (pre-series)");
      return false;
    }
    kvmFolioOp(c, "get", { ...siteOf(f, p.pfnmapRefHack.fix, "kvm_resolve_pfn: get_page_unless_zero"), holdsRef: false });
    f.refs++;
    f.page = true;
  } else {
    s.folio.kvmRefs++;
    s.folio.refcount++;
    f.refs++;
    f.page = true;
  }
  say(c, "info", "FAULTIN", `GUP pfn ${f.pfn}, writable=${f.hostWritable}, ${f.page ? "refcounted page" : "no struct page reference"}`, src);
  if (p.slowDirty.v.point === "beforeLock" && f.hostWritable) kvmFolioOp(c, "dirty", siteOf(f, p.slowDirty.fix, p.slowDirty.src));
  if (p.slowAccessed.v === "beforeLock") kvmFolioOp(c, "accessed", siteOf(f, p.slowAccessed.fix, p.slowAccessed.src));
  return true;
}

function slowDirtyCond(p: ArchProfile, f: Fault): boolean {
  switch (p.slowDirty.v.cond) {
    case "hostWritable": return f.hostWritable;
    case "writeFault": return f.isWrite;
    case "hwWritable": return f.isWrite && f.hostWritable;
    default: return false;
  }
}

function install(c: Ctx, f: Fault): void {
  const { s, p } = c;
  const soft = p.softYoungFault.v; // LoongArch/MIPS: hw write-enable == dirty bit
  const hw = f.hostWritable && (f.isWrite || (p.hwWritableOnRead.v && !s.dirtyLog.enabled));
  s.s2 = {
    present: true, pfn: f.pfn ?? -1, swWritable: p.hasSwWritable.v && f.hostWritable, hwWritable: hw,
    dirty: soft ? hw : f.isWrite && hw, young: true, refcountedPage: f.page,
  };
  say(c, "info", "S2_INSTALL", `stage-2 pte installed: ${hw ? "writable" : f.hostWritable && p.hasSwWritable.v ? "read-only, may be made writable by the fast path" : "read-only"}`);
  if (f.isWrite && hw) markLog(c, "write fault");
  const site = siteOf(f, p.slowDirty.fix, p.slowDirty.src);
  if (p.slowDirty.v.point === "locked" && slowDirtyCond(p, f)) kvmFolioOp(c, "dirty", site);
  if (p.slowAccessed.v === "locked") kvmFolioOp(c, "accessed", { ...site, fix: p.slowAccessed.fix, src: p.slowAccessed.src });
  if (p.dirtyInsteadOfRelease.v) {
    const d = p.dirtyInsteadOfRelease;
    if (f.hostWritable) kvmFolioOp(c, "dirty", siteOf(f, d.fix, d.src));
    else runPending(c, f, { op: "release_clean", fix: d.fix, src: d.src });
  } else if (p.release.v.point === "locked" && f.page) {
    // kvm_release_faultin_page(kvm, page, unused=false, dirty=writable): lockdep wants mmu_lock.
    if (!holdsLock(s, c.actor)) flag(c, "I7", "LOCK_ASSERT", "bug", p.release.fix, "kvm_release_faultin_page(unused=false) ran without mmu_lock held, which its lockdep assertion forbids.");
    runPending(c, f, { op: f.hostWritable ? "release_dirty" : "release_clean", fix: p.release.fix, src: p.release.src });
  }
  const pend: PendingOp[] = [];
  if (p.slowDirty.v.point === "afterUnlock" && slowDirtyCond(p, f)) pend.push({ op: "dirty", fix: p.slowDirty.fix, src: p.slowDirty.src });
  if (p.slowAccessed.v === "afterUnlock") pend.push({ op: "accessed", fix: p.slowAccessed.fix, src: p.slowAccessed.src });
  if (p.release.v.point === "afterUnlock" && f.refs > 0 && !p.dirtyInsteadOfRelease.v) pend.push({ op: "release_clean", fix: p.release.fix, src: p.release.src });
  if (p.slowAccessed.v === "afterRelease") pend.push({ op: "accessed", fix: p.slowAccessed.fix, src: p.slowAccessed.src });
  f.pending = pend;
}

function fastPath(c: Ctx, v: Vcpu, f: Fault): void {
  const { s, p } = c;
  const s2 = s.s2;
  const locked = p.fastPath.v === "locked";
  if (locked) lock(s, c.actor, "write");
  const fail = !s2.present || (f.isWrite && !s2.hwWritable && !s2.swWritable);
  if (fail) {
    if (locked) unlock(s, c.actor);
    f.phase = "F3";
    f.mmuSeqSnap = s.mmuInvalidateSeq;
    say(c, "info", "FAST_FAIL", "fast path cannot fix this fault -> slow path (F2 snapshot taken)", p.fastPath.src);
    return;
  }
  const youngChanged = !s2.young;
  const dirtyChanged = f.isWrite && !s2.hwWritable;
  s2.young = true;
  if (dirtyChanged) { s2.hwWritable = true; s2.dirty = true; }
  f.pfn = s2.pfn;
  f.epochSnap = s.folio.cleanEpoch;
  f.pfnSeq = s.mmuInvalidateSeq;
  say(c, "info", "FAST_FIX", `fast path: ${dirtyChanged ? "made the stage-2 pte writable+dirty" : "set young"}`, p.fastPath.src);
  if (p.fastDirty.v === "locked" && dirtyChanged) kvmFolioOp(c, "dirty", siteOf(f, p.fastDirty.fix, p.fastDirty.src, true));
  const pend: PendingOp[] = [];
  if (p.fastAccessed.v === "afterUnlock" && youngChanged) pend.push({ op: "accessed", fix: p.fastAccessed.fix, src: p.fastAccessed.src });
  if (p.fastDirty.v === "afterUnlock" && dirtyChanged) pend.push({ op: "dirty", fix: p.fastDirty.fix, src: p.fastDirty.src });
  if (pend.length && p.fastHoldsRef.v) {
    kvmFolioOp(c, "get", siteOf(f, p.fastHoldsRef.fix, p.fastHoldsRef.src, true));
    f.refs++;
    pend.push({ op: "put", fix: p.fastHoldsRef.fix, src: p.fastHoldsRef.src });
  }
  if (locked) unlock(s, c.actor);
  // mark_page_dirty() may run outside mmu_lock (v12 07 message), so it stays in the fast path.
  if (dirtyChanged) markLog(c, "fast path");
  f.pending = pend;
  if (pend.length) f.phase = "F1b";
  else finish(c, v, f, p.fastDirty.fix);
}

export function faultStep(c: Ctx, v: Vcpu): void {
  const { s, p } = c;
  const f = s.vcpus[v].fault as Fault;
  switch (f.phase) {
    case "F1":
      return fastPath(c, v, f);
    case "F1b":
    case "F8":
    case "AF2": {
      const op = f.pending.shift() as PendingOp;
      runPending(c, f, op);
      if (!f.pending.length) finish(c, v, f, op.fix);
      return;
    }
    case "F2":
      f.mmuSeqSnap = s.mmuInvalidateSeq;
      f.phase = "F3";
      say(c, "info", "SEQ_SNAPSHOT", `mmu_seq = ${s.mmuInvalidateSeq}`);
      return;
    case "F3":
      if (!faultin(c, f)) { s.vcpus[v].fault = null; return; }
      f.phase = "F4";
      return;
    case "F4": {
      lock(s, c.actor, p.faultLockMode.v);
      f.holdsLock = true;
      const retry = s.mmuInvalidateInProgress > 0 || s.mmuInvalidateSeq !== f.mmuSeqSnap;
      if (!retry) { f.phase = "F5"; say(c, "info", "LOCK_CHECK", "mmu_lock taken, mmu_invalidate_retry_gfn() = false"); return; }
      say(c, "info", "RETRY", "mmu_invalidate_retry_gfn() = true: an invalidation ran since the snapshot");
      if (f.refs > 0) {
        const post = p.release.v.kind === "faultinPage";
        if (!post && p.retryMarksAccessed.v) {
          say(c, "info", "RETRY_MARKS_ACCESSED", "kvm_release_pfn_clean() on retry marks the unused page accessed (removed by v12 47)", p.retryMarksAccessed.src);
          kvmFolioOp(c, "accessed", siteOf(f, p.retryMarksAccessed.fix, p.retryMarksAccessed.src));
        }
        kvmFolioOp(c, "put", siteOf(f, p.release.fix, post ? "kvm_release_page_unused" : "kvm_release_pfn_clean"));
        f.refs--;
      }
      unlock(s, c.actor);
      f.holdsLock = false;
      if (f.refs > 0) flag(c, "I6", "REF_LEAK", "bug", p.release.fix, "The fault retried without dropping its page reference.");
      Object.assign(f, { phase: "F2", retries: f.retries + 1, pfn: null, pfnSeq: null, page: false, mmuSeqSnap: null });
      return;
    }
    case "F5":
      install(c, f);
      f.phase = "F7";
      return;
    case "F7":
      unlock(s, c.actor);
      f.holdsLock = false;
      say(c, "info", "UNLOCK", "mmu_lock released");
      if (f.pending.length) f.phase = "F8";
      else finish(c, v, f, p.release.fix);
      return;
    case "AF1": {
      lock(s, c.actor, "read");
      const present = s.s2.present;
      if (present) s.s2.young = true;
      f.pfn = s.s2.pfn;
      f.pfnSeq = s.mmuInvalidateSeq;
      unlock(s, c.actor);
      say(c, "info", "AF_MKYOUNG", present ? "handle_access_fault: stage-2 pte made young" : "pte gone, nothing to do", p.afFault.src);
      if (present && p.afFault.v === "accessedAfterUnlock") {
        f.pending = [{ op: "accessed", fix: p.afFault.fix, src: p.afFault.src }];
        f.phase = "AF2";
      } else finish(c, v, f, p.afFault.fix);
      return;
    }
  }
}
