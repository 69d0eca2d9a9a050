// KVM-side folio operations (SetPageDirty, mark_page_accessed, get_page, put_page)
// and the invariants that are about *how* they are issued: I2, I3, I4, I5.
// Each caller passes the v12 patch that removes or moves the op, for the UI link.
import { type Ctx, flag, holdsLock, isPfnmap, say } from "./ctx";

export type FolioOp = "dirty" | "accessed" | "get" | "put";

export type OpSite = {
  /** pfn KVM believes it is touching. */
  pfn: number;
  /** The caller owns a reference (GUP or get_page) on that pfn right now. */
  holdsRef: boolean;
  /** Issued from the arch fast path (I4 policy marker). */
  fromFast: boolean;
  /** cleanEpoch when KVM obtained the pfn; null = not a fault (zap / dirty-log clear under lock). */
  epochSnap: number | null;
  /** mmu_invalidate_seq when KVM obtained the pfn (null = not a fault). */
  seqSnap: number | null;
  /** The fault has passed mmu_invalidate_retry_gfn() and still holds mmu_lock. */
  passedRetry: boolean;
  fix: number;
  src: string;
};

const NAMES: Record<FolioOp, string> = {
  dirty: "KVM_SET_PAGE_DIRTY",
  accessed: "KVM_SET_PAGE_ACCESSED",
  get: "GET_PAGE",
  put: "PUT_PAGE",
};

/** Returns false if the op could not land (freed page); refcount effects are skipped then. */
export function kvmFolioOp(c: Ctx, op: FolioOp, site: OpSite): boolean {
  const s = c.s;
  const f = s.folio;
  if (s.backing === "pfnmap_nopage") {
    // Pre-series helpers bail on !pfn_valid(); post-series never gets here (page == NULL).
    say(c, "info", "PFN_INVALID_NOOP", `${NAMES[op]} skipped: pfn has no struct page`, site.src);
    return false;
  }
  if (isPfnmap(s)) {
    flag(c, "I5", "PFNMAP_REF_OP", "bug", site.fix,
      `KVM did ${NAMES[op]} on a PFNMAP/VM_IO pfn that happens to have a struct page it never got from GUP; the driver owns that page and KVM must leave its refcount and flags alone.`);
    if (op === "get") { f.kvmRefs++; f.refcount++; }
    if (op === "put") { f.kvmRefs--; f.refcount--; }
    return true;
  }
  if (!f.exists || f.pfn !== site.pfn) {
    flag(c, "I3", "UAF", "bug", site.fix,
      `KVM did ${NAMES[op]} on pfn ${site.pfn} after the folio was freed by reclaim/truncate: it held no reference and no longer had mmu_lock with the stage-2 pte present.`);
    return false;
  }
  const protectedByLock = holdsLock(s, c.actor) && s.s2.present && s.s2.pfn === site.pfn;
  if (!site.holdsRef && !protectedByLock && op !== "get") {
    say(c, "warn", "UNREFERENCED_FOLIO_OP", `${NAMES[op]} without a reference or mmu_lock: only safe because nothing has freed the folio yet`, site.src);
  }
  if (site.fromFast && (op === "dirty" || op === "accessed" || op === "get")) {
    flag(c, "I4", "FASTPATH_FOLIO_OP", "policy", site.fix,
      `The fast path did ${NAMES[op]}; after the series the fast path may change only the stage-2 pte and the dirty log.`);
  }
  switch (op) {
    case "dirty": {
      // I2: protected = mmu_lock held and (s2 still maps the pfn, or the fault passed the retry
      // check). Unprotected marking is only reported once an invalidation actually raced with it.
      const covered = holdsLock(s, c.actor) && ((s.s2.present && s.s2.pfn === site.pfn) || site.passedRetry);
      const cleaned = site.epochSnap !== null && site.epochSnap !== f.cleanEpoch;
      const raced = site.seqSnap !== null && s.mmuInvalidateSeq !== site.seqSnap;
      if (!covered && (cleaned || raced)) {
        flag(c, "I2", "DIRTY_AFTER_WRITEBACK", "warn", site.fix, cleaned
          ? `KVM marked the folio dirty after writeback had cleaned it (clean epoch ${site.epochSnap} -> ${f.cleanEpoch}) and outside mmu_notifier protection, so the filesystem sees a dirty folio it never made writable (WARN in filemap_unaccount_folio on truncate), not lost data.`
          : `KVM marked the folio dirty after an mmu_notifier invalidation had already zapped its mapping (mmu_invalidate_seq ${site.seqSnap} -> ${s.mmuInvalidateSeq}), i.e. outside notifier protection; core MM may be cleaning or freeing this folio right now.`);
      }
      f.dirty = true;
      f.dirtiedByKvmEpoch = f.cleanEpoch;
      break;
    }
    case "accessed":
      f.accessed = true;
      break;
    case "get":
      f.kvmRefs++;
      f.refcount++;
      break;
    case "put":
      f.kvmRefs--;
      f.refcount--;
      if (f.truncated && f.refcount === 0) {
        f.exists = false;
        say(c, "info", "FOLIO_FREED", "last reference dropped on a truncated folio");
      }
      break;
  }
  say(c, "info", NAMES[op], `${NAMES[op]} pfn ${site.pfn} (kvmRefs ${f.kvmRefs}, refcount ${f.refcount})`, site.src);
  return true;
}
