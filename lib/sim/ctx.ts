// The mutable scratchpad of one step: a private copy of the state plus the log
// and violations the step produces. step() clones once, so helpers may mutate.
import type { ActorId, InvariantId, LogEntry, LogLevel, SimState, Violation, ViolationCode } from "./types";
import type { ArchProfile } from "./profiles";

export type Ctx = {
  s: SimState;
  p: ArchProfile;
  actor: ActorId;
  log: LogEntry[];
  vio: Violation[];
  /** Explorer mode: skip info/warn log lines (violations are still recorded). */
  quiet?: boolean;
};

export function say(c: Ctx, level: LogLevel, code: string, detail: string, srcRef?: string): void {
  if (c.quiet) return;
  c.log.push({ actor: c.actor, level, code, detail, srcRef });
}

export function flag(
  c: Ctx,
  invariant: InvariantId,
  code: ViolationCode,
  severity: Violation["severity"],
  patch: number,
  explain: string,
): void {
  c.vio.push({ invariant, code, severity, stepIndex: -1, explain, patch });
  c.log.push({ actor: c.actor, level: "violation", code, detail: `${invariant}: ${explain}`, srcRef: patch ? `v12 ${patch}/84` : undefined });
}

/** Deep copy by hand: the explorer calls this per transition, JSON round-trips are 5x slower. */
export function cloneState(s: SimState): SimState {
  return {
    ...s,
    hostPte: { ...s.hostPte },
    folio: { ...s.folio },
    mmuLock: { mode: s.mmuLock.mode, holders: s.mmuLock.holders.slice() },
    dirtyLog: { ...s.dirtyLog },
    s2: { ...s.s2 },
    vcpus: s.vcpus.map((v) => ({
      fault: v.fault ? { ...v.fault, pending: v.fault.pending.slice() } : null,
      map: v.map ? { ...v.map } : null,
    })),
  };
}

export const EMPTY_S2 = { present: false, pfn: 0, swWritable: false, hwWritable: false, dirty: false, young: false, refcountedPage: false };

export function isPfnmap(s: SimState): boolean {
  return s.backing.startsWith("pfnmap");
}

/** The folio lock is held by writeback from folio_clear_dirty_for_io() prep until I/O is submitted,
 *  and by reclaim for the whole unmap+free pass [inf]. page_mkwrite and swap-in wait for it. */
export function isFolioLocked(s: SimState): boolean {
  return s.wb === "started" || s.wb === "mkcleaned" || s.wb === "ended" || (s.reclaim !== "idle" && s.reclaim !== "freed");
}

export function canLock(s: SimState, mode: "read" | "write"): boolean {
  if (s.mmuLock.mode === "none") return true;
  return mode === "read" && s.mmuLock.mode === "read";
}

export function lock(s: SimState, who: ActorId, mode: "read" | "write"): void {
  s.mmuLock = { mode, holders: [...s.mmuLock.holders, who] };
}

export function unlock(s: SimState, who: ActorId): void {
  const holders = s.mmuLock.holders.filter((h) => h !== who);
  s.mmuLock = { mode: holders.length ? s.mmuLock.mode : "none", holders };
}

export function holdsLock(s: SimState, who: ActorId): boolean {
  return s.mmuLock.holders.includes(who);
}
