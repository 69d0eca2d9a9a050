// Core-MM and VMM actors: host writes, writeback, reclaim, truncate, aging, dirty logging.
// The orderings are simplified from general kernel knowledge ([inf] in the design note,
// section 7); they live here alone so they can be refined without touching KVM logic.
import { type Ctx, EMPTY_S2, canLock, flag, isFolioLocked, isPfnmap, say } from "./ctx";
import { kvmFolioOp } from "./folio-ops";
import type { SimEvent, SimState } from "./types";

type MmEvent = Exclude<SimEvent, { vcpu: 0 | 1 }>;

function folioGone(s: SimState): string | null {
  if (isPfnmap(s)) return null;
  return !s.folio.exists || s.folio.truncated ? "the folio is gone (the model follows one folio's lifetime)" : null;
}

export function mmBlocked(s: SimState, e: MmEvent): string | null {
  const needLock = canLock(s, "write") ? null : "mmu_lock is held (invalidation takes it exclusively)";
  const lru = isPfnmap(s) ? "PFNMAP memory is not on the LRU: no writeback or reclaim" : null;
  switch (e.t) {
    case "VMM_WRITE_HVA":
    case "VMM_READ_HVA":
      if (folioGone(s)) return folioGone(s);
      if (isFolioLocked(s) && (!s.hostPte.present || (e.t === "VMM_WRITE_HVA" && !s.hostPte.writable && s.backing === "file_wn")))
        return "the host fault waits on the folio lock held by writeback/reclaim";
      return null;
    case "WB_INVALIDATE_START":
      return lru ?? folioGone(s) ?? (s.wb !== "idle" ? "writeback already in progress" : s.reclaim !== "idle" ? "reclaim holds the folio lock" : needLock);
    case "WB_MKCLEAN":
      return s.wb === "started" ? null : "needs WB_INVALIDATE_START first";
    case "WB_INVALIDATE_END":
      return s.wb === "mkcleaned" ? needLock : "needs WB_MKCLEAN first";
    case "WB_CLEAR_DIRTY":
      return s.wb === "ended" ? null : "needs WB_INVALIDATE_END first";
    case "WB_END":
      return s.wb === "io" ? null : "no I/O in flight";
    case "RECLAIM_INVALIDATE_START":
      return lru ?? folioGone(s) ?? (s.reclaim !== "idle" ? "reclaim already in progress" : s.wb !== "idle" ? "folio is locked or under writeback" : needLock);
    case "RECLAIM_UNMAP":
      return s.reclaim === "started" ? null : "needs RECLAIM_INVALIDATE_START first";
    case "RECLAIM_INVALIDATE_END":
      return s.reclaim === "unmapped" ? needLock : "needs RECLAIM_UNMAP first";
    case "RECLAIM_FREE":
      if (s.reclaim !== "ended") return "needs RECLAIM_INVALIDATE_END first";
      return s.folio.kvmRefs > 0 || s.folio.pinned > 0 ? "KVM holds a reference: the folio cannot be freed" : null;
    case "TRUNCATE":
      if (s.backing !== "file_wn") return "only file-backed memory can be truncated";
      return folioGone(s) ?? (s.wb !== "idle" || s.reclaim !== "idle" ? "folio is locked" : needLock);
    case "AGE_CLEAR_YOUNG":
    case "AGE_TEST_YOUNG":
    case "DIRTYLOG_ENABLE":
      if (e.t === "DIRTYLOG_ENABLE" && s.dirtyLog.enabled) return "dirty logging is already on";
      return needLock;
    case "DIRTYLOG_GET_CLEAR":
      return s.dirtyLog.enabled ? needLock : "dirty logging is off";
  }
}

/** KVM's invalidate_range_start handler: zap s2 under mmu_lock (pre-series x86 marks the folio). */
function zap(c: Ctx): void {
  const s = c.s;
  if (!s.s2.present) return;
  const z = c.p.zapFolioOps;
  const site = { pfn: s.s2.pfn, holdsRef: false, fromFast: false, epochSnap: null, seqSnap: null, passedRetry: false, fix: z.fix, src: z.src };
  // The zap runs under mmu_lock with the pte present; model the lock as held by this actor.
  s.mmuLock = { mode: "write", holders: [c.actor] };
  if (z.v.dirty && s.s2.dirty) kvmFolioOp(c, "dirty", site);
  if (z.v.accessed && s.s2.young) kvmFolioOp(c, "accessed", site);
  s.mmuLock = { mode: "none", holders: [] };
  s.s2 = { ...EMPTY_S2 };
  say(c, "info", "S2_ZAP", "mmu_notifier invalidate: stage-2 pte zapped, TLBs flushed");
}

/** Transfer the host pte dirty bit into the folio, as page_mkclean_one/try_to_unmap do. */
function transferHostDirty(s: SimState): void {
  if (s.hostPte.dirty) s.folio.dirty = true;
  s.hostPte.dirty = false;
}

/** folio_clear_dirty_for_io() + start of I/O; also used by reclaim's pageout(). */
function cleanForIo(c: Ctx): boolean {
  const f = c.s.folio;
  if (!f.dirty) { say(c, "info", "WB_SKIP", "folio is clean: nothing to write"); return false; }
  if (f.dirtiedByKvmEpoch === f.cleanEpoch && f.contentEpochWritten !== f.cleanEpoch) {
    c.s.falseDirtyCount++;
    say(c, "info", "KVM_FALSE_DIRTY", "KVM dirtied this folio but nothing wrote it since the last clean: one unnecessary writeback (accepted by Sean, seed thread)", "<ZrFezgVbCI3DRQH3@google.com>");
  }
  f.dirty = false;
  f.cleanEpoch++;
  f.contentPersisted = true;
  say(c, "info", "WB_CLEAR_DIRTY", `folio_clear_dirty_for_io: PG_dirty cleared, content handed to I/O (clean epoch -> ${f.cleanEpoch})`);
  return true;
}

function invalidateStart(c: Ctx): void {
  c.s.mmuInvalidateInProgress++;
  say(c, "info", "INVALIDATE_START", `mmu_notifier_invalidate_range_start (in progress: ${c.s.mmuInvalidateInProgress})`);
  zap(c);
}

function invalidateEnd(c: Ctx): void {
  c.s.mmuInvalidateSeq++;
  c.s.mmuInvalidateInProgress--;
  say(c, "info", "INVALIDATE_END", `mmu_invalidate_seq -> ${c.s.mmuInvalidateSeq}`);
}

export function mmStep(c: Ctx, e: MmEvent): void {
  const s = c.s;
  const f = s.folio;
  const h = s.hostPte;
  switch (e.t) {
    case "VMM_WRITE_HVA":
      if (!h.writable && s.backing === "file_wn") {
        f.dirty = true;
        f.fsNotifiedEpoch = f.cleanEpoch;
        say(c, "info", "PAGE_MKWRITE", "host write fault: ->page_mkwrite, folio dirtied", "mm/memory.c:fault_dirty_shared_page");
      }
      Object.assign(h, { present: true, writable: true, dirty: true, young: true });
      f.contentEpochWritten = f.cleanEpoch;
      f.contentPersisted = false;
      say(c, "info", "VMM_WRITE", "VMM stores through the hva");
      return;
    case "VMM_READ_HVA":
      h.present = true;
      h.young = true;
      say(c, "info", "VMM_READ", "VMM loads through the hva");
      return;
    case "WB_INVALIDATE_START":
    case "RECLAIM_INVALIDATE_START":
      invalidateStart(c);
      if (e.t === "WB_INVALIDATE_START") s.wb = "started";
      else s.reclaim = "started";
      return;
    case "WB_MKCLEAN":
      if (h.present) { transferHostDirty(s); h.writable = false; }
      s.wb = "mkcleaned";
      say(c, "info", "WB_MKCLEAN", "folio_mkclean: host pte write-protected and cleaned");
      return;
    case "WB_INVALIDATE_END":
      invalidateEnd(c);
      s.wb = "ended";
      return;
    case "WB_CLEAR_DIRTY":
      if (cleanForIo(c)) { f.writeback = true; s.wb = "io"; } else s.wb = "idle";
      return;
    case "WB_END":
      f.writeback = false;
      s.wb = "idle";
      say(c, "info", "WB_END", "writeback I/O complete");
      return;
    case "RECLAIM_UNMAP":
      if (h.present) transferHostDirty(s);
      Object.assign(h, { present: false, writable: false, dirty: false, young: false });
      s.reclaim = "unmapped";
      say(c, "info", "RECLAIM_UNMAP", "try_to_unmap: host pte cleared, dirty bit moved to the folio");
      return;
    case "RECLAIM_INVALIDATE_END":
      invalidateEnd(c);
      s.reclaim = "ended";
      return;
    case "RECLAIM_FREE":
      if (f.dirty) {
        cleanForIo(c);
        s.reclaim = "idle";
        say(c, "info", "PAGEOUT", "folio is dirty: pageout() writes it; a later reclaim pass may free it");
        return;
      }
      if (f.contentEpochWritten !== null && !f.contentPersisted)
        flag(c, "I1", "LOST_WRITE", "bug", c.p.fastDirty.fix || c.p.slowDirty.fix || 7,
          "Reclaim discarded a clean folio whose content the guest had modified: KVM let the guest write without marking the folio dirty, so the write is lost.");
      f.exists = false;
      f.refcount = 0;
      s.reclaim = "freed";
      say(c, "info", "RECLAIM_FREE", "folio freed");
      return;
    case "TRUNCATE": {
      invalidateStart(c);
      invalidateEnd(c);
      if (h.present) transferHostDirty(s);
      Object.assign(h, { present: false, writable: false, dirty: false, young: false });
      // truncate_cleanup_folio() cancels fs-known dirtiness; a folio dirtied only by KVM
      // behind the fs's back is what trips filemap_unaccount_folio's WARN (Sean, v13 55/85).
      if (f.dirty && f.dirtiedByKvmEpoch === f.cleanEpoch && f.fsNotifiedEpoch !== f.cleanEpoch)
        say(c, "warn", "TRUNCATE_DIRTY_WARN", "WARN_ON_ONCE(folio_test_dirty) in filemap_unaccount_folio: KVM dirtied a folio the fs never made writable", "v13 55/85");
      f.dirty = false;
      f.truncated = true;
      f.refcount--;
      if (f.refcount <= 0) { f.exists = false; f.refcount = 0; }
      say(c, "info", "TRUNCATE", `folio removed from the page cache${f.exists ? " (KVM still holds a reference)" : " and freed"}`);
      return;
    }
    case "AGE_CLEAR_YOUNG":
      s.s2.young = false;
      say(c, "info", "AGE_CLEAR_YOUNG", "kvm_age_gfn: stage-2 young cleared");
      return;
    case "AGE_TEST_YOUNG":
      say(c, "info", "AGE_TEST_YOUNG", `kvm_test_age_gfn: young=${s.s2.present && s.s2.young}`);
      return;
    case "DIRTYLOG_ENABLE":
    case "DIRTYLOG_GET_CLEAR": {
      if (e.t === "DIRTYLOG_GET_CLEAR") {
        if (s.dirtyLog.wroteSinceHarvest && !s.dirtyLog.bitmap)
          flag(c, "I9", "DIRTYLOG_MISS", "bug", 64, "The guest wrote the page since the last harvest but the dirty bitmap does not have it, so live migration would send a stale copy.");
        const z = c.p.clearDirtyLogFolioDirty;
        if (z.v && s.s2.present && s.s2.dirty) {
          s.mmuLock = { mode: "write", holders: [c.actor] };
          kvmFolioOp(c, "dirty", { pfn: s.s2.pfn, holdsRef: false, fromFast: false, epochSnap: null, seqSnap: null, passedRetry: false, fix: z.fix, src: z.src });
          s.mmuLock = { mode: "none", holders: [] };
        }
        say(c, "info", "DIRTYLOG_HARVEST", `KVM_CLEAR_DIRTY_LOG: bitmap had gfn=${s.dirtyLog.bitmap}`);
      }
      s.dirtyLog = { enabled: true, bitmap: false, wroteSinceHarvest: false };
      // Write-protect: LoongArch kvm_mkclean_gpa_pt clears _PAGE_DIRTY, keeps _PAGE_WRITE.
      s.s2.hwWritable = false;
      if (c.p.softYoungFault.v) s.s2.dirty = false;
      say(c, "info", "WRPROT", "stage-2 pte write-protected for dirty logging");
      return;
    }
  }
}
