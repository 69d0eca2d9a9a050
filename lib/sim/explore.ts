// Bounded exhaustive search (BFS) over interleavings of the actors, with state
// de-duplication on a canonical key. BFS order makes the first trace found for an
// invariant a shortest one (counted from the post-setup state).
import { apply, candidateEvents, initialState, whyBlocked } from "./model";
import { runFrom, type ScriptStep } from "./run";
import type { ActorId, Arch, InitOpts, InvariantId, Policy, SimEvent, SimState, Violation } from "./types";

export type ExploreModel = {
  arch: Arch;
  policy: Policy;
  opts?: InitOpts;
  /** Run first (not explored), e.g. an earlier read fault, so the start state is reachable under this policy. */
  setup?: ScriptStep[];
  actors?: ActorId[];
};

export type Bounds = { depth: number; maxStates?: number };

export type Counterexample = {
  invariant: InvariantId;
  violation: Violation;
  /** Full replayable trace from initialState(): setup events, then the explored path. */
  events: SimEvent[];
  setupLength: number;
  /** Steps after setup. */
  depth: number;
};

export type ExploreResult = {
  found: Counterexample[];
  statesExplored: number;
  transitions: number;
  depth: number;
  /** false if maxStates cut the search short of `depth`. */
  complete: boolean;
  /** "none up to depth N, K states explored" or a list of what was found. */
  summary: string;
};

export const DEFAULT_ACTORS: ActorId[] = ["v0", "v1", "vmm", "wb", "reclaim", "age", "dirtylog"];
export const DEFAULT_BOUNDS: Bounds = { depth: 9, maxStates: 200_000 };

/** The usual starting point: host-writable clean anon memory, already read-faulted once
 *  under the same policy, so s2 is present and the folio state is what that policy makes it. */
export function defaultModel(arch: Arch, policy: Policy): ExploreModel {
  // arm64 maps host-writable memory writable on a read fault and (pre-series) dirties it, which
  // keeps reclaim from freeing it within the bound; start it read-only so the AF race is reachable.
  const writable = arch !== "arm64";
  return {
    arch, policy,
    opts: { backing: "anon", vcpus: 2, hostPte: { present: true, writable, dirty: false } },
    // AGE_CLEAR_YOUNG leaves an old pte, so young-tracking faults (arm64 AF, LoongArch/MIPS
    // software young) are reachable in a few steps.
    setup: [{ t: "GUEST_READ", vcpu: 0 }, { t: "DRAIN", vcpu: 0 }, { t: "AGE_CLEAR_YOUNG" }],
  };
}

const b = (x: boolean) => (x ? "1" : "0");
const rel = (v: number | null, cur: number) => (v === null ? "n" : v === cur ? "=" : "<");

/** Canonical key: absolute epochs/sequence numbers are folded to "equal to now / older / none",
 *  which is all the model ever compares them with; cosmetic counters are dropped. */
export function stateKey(s: SimState): string {
  const f = s.folio;
  const h = s.hostPte;
  const p = s.s2;
  const E = f.cleanEpoch;
  let k = `${b(h.present)}${b(h.writable)}${b(h.dirty)}|${b(f.exists)}${f.kvmRefs}${f.pinned}${b(f.dirty)}${b(f.writeback)}${b(f.truncated)}${b(f.contentPersisted)}`;
  k += `${rel(f.contentEpochWritten, E)}${rel(f.dirtiedByKvmEpoch, E)}${rel(f.fsNotifiedEpoch, E)}|${s.mmuLock.mode}${s.mmuLock.holders.join(",")}|${s.mmuInvalidateInProgress}`;
  k += `|${b(s.dirtyLog.enabled)}${b(s.dirtyLog.bitmap)}${b(s.dirtyLog.wroteSinceHarvest)}|${b(p.present)}${b(p.swWritable)}${b(p.hwWritable)}${b(p.dirty)}${b(p.young)}|${s.wb}${s.reclaim}`;
  for (const v of s.vcpus) {
    const ft = v.fault;
    k += ft
      ? `|${ft.phase}${b(ft.isWrite)}${rel(ft.mmuSeqSnap, s.mmuInvalidateSeq)}${rel(ft.pfnSeq, s.mmuInvalidateSeq)}${rel(ft.epochSnap, E)}${ft.pfn === null ? "n" : ft.pfn === f.pfn ? "=" : "x"}${b(ft.page)}${b(ft.hostWritable)}${ft.refs}${ft.pending.map((o) => o.op[0] + o.op.slice(-1)).join("")}`
      : "|-";
    k += v.map ? `m${b(v.map.writable)}` : "";
  }
  return k;
}

export function explore(model: ExploreModel, bounds: Bounds = DEFAULT_BOUNDS): ExploreResult {
  const setupRun = runFrom(initialState(model.arch, model.policy, model.opts), model.setup ?? []);
  const start = setupRun.final;
  const actors = new Set(model.actors ?? DEFAULT_ACTORS);
  const maxStates = bounds.maxStates ?? Infinity;
  // Flat arrays for parent pointers: cheaper than an object per node.
  const states: SimState[] = [start];
  const parent: number[] = [-1];
  const via: (SimEvent | null)[] = [null];
  const seen = new Map<string, number>([[stateKey(start), 0]]);
  const found = new Map<InvariantId, Counterexample>();
  let transitions = 0;
  let frontier = [0];
  let depth = 0;
  let complete = true;
  const pathTo = (i: number): SimEvent[] => {
    const out: SimEvent[] = [];
    for (let n = i; n > 0; n = parent[n]) out.push(via[n] as SimEvent);
    return out.reverse();
  };
  while (frontier.length && depth < bounds.depth) {
    const next: number[] = [];
    for (const i of frontier) {
      const s = states[i];
      for (const e of candidateEvents(s, actors)) {
        if (whyBlocked(s, e) !== null) continue;
        const r = apply(s, e, true);
        transitions++;
        for (const v of r.violations) {
          if (found.has(v.invariant)) continue;
          const path = [...pathTo(i), e];
          found.set(v.invariant, {
            invariant: v.invariant, violation: { ...v, stepIndex: setupRun.events.length + path.length - 1 },
            events: [...setupRun.events, ...path], setupLength: setupRun.events.length, depth: path.length,
          });
        }
        const key = stateKey(r.state);
        if (seen.has(key)) continue;
        if (states.length >= maxStates) { complete = false; continue; }
        seen.set(key, states.length);
        states.push(r.state);
        parent.push(i);
        via.push(e);
        next.push(states.length - 1);
      }
    }
    frontier = next;
    depth++;
  }
  const list = [...found.values()].sort((a, b) => a.invariant.localeCompare(b.invariant, "en", { numeric: true }));
  const summary = list.length
    ? `${list.map((c) => `${c.invariant} ${c.violation.code} in ${c.depth} steps`).join("; ")} (${states.length} states explored, depth ${depth})`
    : `none up to depth ${depth}, ${states.length} states explored${complete ? "" : " (state cap reached)"}`;
  return { found: list, statesExplored: states.length, transitions, depth, complete, summary };
}
