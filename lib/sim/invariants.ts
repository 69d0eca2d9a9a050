// Invariants I1-I9 (design note section 4). Transition invariants (I2-I7, I9 and the
// end-to-end form of I1) are flagged where the operation happens (folio-ops.ts, fault.ts,
// mm.ts); this file holds the catalogue and the checks on a whole state (I1, I8), which
// are reported only on the step where they become false.
import type { ArchProfile } from "./profiles";
import type { InvariantId, SimState, Violation } from "./types";

export type InvariantInfo = { id: InvariantId; title: string; summary: string; patch: number };

export const INVARIANTS: InvariantInfo[] = [
  { id: "I1", title: "Dirty coverage", summary: "A guest write that skips the slow path must land in a folio already marked dirty; otherwise reclaim can drop the write.", patch: 64 },
  { id: "I2", title: "Dirtying is notifier-protected", summary: "KVM may mark a folio dirty only while mmu_notifier protection guarantees writeback has not cleaned it since KVM got the pfn.", patch: 64 },
  { id: "I3", title: "No use after free", summary: "Every KVM folio op needs a reference, or mmu_lock with the stage-2 pte still present.", patch: 65 },
  { id: "I4", title: "Fast path leaves folios alone", summary: "After the series, the arch fast path changes only the stage-2 pte and the dirty log.", patch: 64 },
  { id: "I5", title: "Hands off PFNMAP pages", summary: "KVM must not take references or set flags on pfns it did not get as refcounted pages from GUP.", patch: 84 },
  { id: "I6", title: "Refcount balance", summary: "A fault that finishes or retries holds no page references.", patch: 54 },
  { id: "I7", title: "Lock discipline", summary: "kvm_release_faultin_page(unused=false) and mmu_invalidate_retry_gfn() need mmu_lock held.", patch: 48 },
  { id: "I8", title: "Stage-2 coherence", summary: "A present stage-2 pte maps the live folio through a present host pte, writable only if the host pte is.", patch: 80 },
  { id: "I9", title: "Dirty-log completeness", summary: "Every guest write since the last harvest is in the dirty bitmap at the next harvest.", patch: 64 },
];

export const INVARIANT_BY_ID = Object.fromEntries(INVARIANTS.map((i) => [i.id, i])) as Record<InvariantId, InvariantInfo>;

/** Some fault context still owes a SetPageDirty (pre-series post-unlock marking). */
function dirtyPending(s: SimState): boolean {
  return s.vcpus.some((v) => v.fault?.pending.some((o) => o.op === "dirty" || o.op === "release_dirty"));
}

function i1Broken(s: SimState, p: ArchProfile): boolean {
  if (s.backing.startsWith("pfnmap") || !s.s2.present || !s.folio.exists) return false;
  const fastWillDirty = p.fastDirty.v !== "none";
  const untracked = s.s2.hwWritable || (s.s2.swWritable && !fastWillDirty);
  if (!untracked) return false;
  const f = s.folio;
  const marked =
    f.dirty ||
    f.dirtiedByKvmEpoch === f.cleanEpoch ||
    (s.backing === "file_wn" && f.fsNotifiedEpoch === f.cleanEpoch) ||
    (s.hostPte.present && s.hostPte.dirty);
  // Pre-series x86 marks from the SPTE D bit at zap; s390 guests dirty the host pte itself.
  const backEnd = p.zapFolioOps.v.dirty || p.sharesHostTables.v;
  return !(marked || backEnd || dirtyPending(s));
}

function i8Broken(s: SimState): string | null {
  const s2 = s.s2;
  if (!s2.present) return null;
  if (!s.backing.startsWith("pfnmap") && (!s.folio.exists || s2.pfn !== s.folio.pfn)) return "maps a freed folio";
  if (!s.hostPte.present) return "outlives the host pte";
  if (s2.hwWritable && !s.hostPte.writable) return "is writable while the host pte is read-only";
  return null;
}

export function checkState(prev: SimState, next: SimState, p: ArchProfile): Violation[] {
  const out: Violation[] = [];
  if (i1Broken(next, p) && !i1Broken(prev, p))
    out.push({
      invariant: "I1", code: "LOST_WRITE", severity: "bug", stepIndex: -1, patch: p.fastDirty.fix || p.slowDirty.fix || 64,
      explain: "The guest can now write the page without a fault while the folio is not marked dirty, so a clean-and-reclaim would drop that write.",
    });
  const why = i8Broken(next);
  if (why && !i8Broken(prev))
    out.push({
      invariant: "I8", code: "S2_INCOHERENT", severity: "bug", stepIndex: -1, patch: 80,
      explain: `The stage-2 pte ${why}: an mmu_notifier invalidation was missed.`,
    });
  return out;
}
