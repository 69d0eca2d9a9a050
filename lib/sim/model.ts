// initialState / step / enabledEvents: the pure core of the simulator.
import { type Ctx, EMPTY_S2, cloneState } from "./ctx";
import { faultBlocked, faultStep, guestAccess } from "./fault";
import { checkState } from "./invariants";
import { mmBlocked, mmStep } from "./mm";
import { getProfile } from "./profiles";
import type { ActorId, Arch, InitOpts, Policy, SimEvent, SimState, StepResult, Vcpu } from "./types";

export function initialState(arch: Arch, policy: Policy, opts: InitOpts = {}): SimState {
  const backing = opts.backing ?? "anon";
  const pfnmap = backing.startsWith("pfnmap");
  const s2 = { ...EMPTY_S2, ...opts.s2 };
  if (opts.s2?.present) s2.pfn = opts.s2.pfn ?? 1;
  // Design note section 5: host pte present, read-only and clean unless a scenario says otherwise.
  // PFNMAP ptes come from remap_pfn_range and are writable.
  const hostPte = { present: true, writable: pfnmap, dirty: false, young: false, ...opts.hostPte };
  return {
    arch, policy, backing,
    hostPte,
    folio: {
      exists: true, pfn: 1, refcount: 1, kvmRefs: 0, pinned: 0, dirty: false, writeback: false,
      cleanEpoch: 0, contentEpochWritten: null, contentPersisted: true, dirtiedByKvmEpoch: null,
      fsNotifiedEpoch: null, accessed: false, truncated: false, ...opts.folio,
    },
    mmuLock: { mode: "none", holders: [] },
    mmuInvalidateSeq: 0,
    mmuInvalidateInProgress: 0,
    dirtyLog: { enabled: !!opts.dirtyLog, bitmap: false, wroteSinceHarvest: false },
    slotReadonly: false,
    s2,
    vcpus: Array.from({ length: opts.vcpus ?? 1 }, () => ({ fault: null, map: null })),
    wb: "idle",
    reclaim: "idle",
    falseDirtyCount: 0,
    mapFailed: 0,
  };
}

export function actorOf(e: SimEvent): ActorId {
  if ("vcpu" in e) return e.vcpu === 0 ? "v0" : "v1";
  if (e.t.startsWith("VMM")) return "vmm";
  if (e.t.startsWith("WB") || e.t === "TRUNCATE") return "wb";
  if (e.t.startsWith("RECLAIM")) return "reclaim";
  if (e.t.startsWith("AGE")) return "age";
  return "dirtylog";
}

/** Why `e` cannot run in `s`, or null if it can. */
export function whyBlocked(s: SimState, e: SimEvent): string | null {
  const p = getProfile(s.arch, s.policy);
  if (!("vcpu" in e)) return mmBlocked(s, e);
  const vc = s.vcpus[e.vcpu];
  if (!vc) return `vCPU ${e.vcpu} does not exist in this run`;
  switch (e.t) {
    case "GUEST_READ":
    case "GUEST_WRITE":
      return vc.fault ? "this vCPU is handling a fault" : null;
    case "FAULT_STEP":
    case "AF_STEP":
      return faultBlocked(s, p, e.vcpu);
    case "VCPU_MAP":
      if (vc.map) return "already mapped";
      return !s.folio.exists || s.folio.truncated ? "the folio is gone" : null;
    case "VCPU_UNMAP":
      return vc.map ? null : "nothing mapped";
  }
}

function vcpuMap(c: Ctx, v: Vcpu, writable: boolean): void {
  const s = c.s;
  const post = c.p.release.v.kind === "faultinPage";
  // Post-series kvm_vcpu_map() pins with FOLL_PIN (v12 29); pre-series took a GUP reference.
  if (post) s.folio.pinned++;
  else s.folio.kvmRefs++;
  s.folio.refcount++;
  s.vcpus[v].map = { pfn: s.folio.pfn, writable, epochSnap: s.folio.cleanEpoch };
  c.log.push({ actor: c.actor, level: "info", code: "VCPU_MAP", detail: `kvm_vcpu_map: ${post ? "FOLL_PIN" : "GUP reference"}`, srcRef: "v12 29/84" });
}

function vcpuUnmap(c: Ctx, v: Vcpu): void {
  const s = c.s;
  const m = s.vcpus[v].map!;
  const post = c.p.release.v.kind === "faultinPage";
  if (m.writable && s.folio.exists) { s.folio.dirty = true; s.folio.dirtiedByKvmEpoch = s.folio.cleanEpoch; }
  if (post) s.folio.pinned--;
  else s.folio.kvmRefs--;
  s.folio.refcount--;
  s.vcpus[v].map = null;
  // Pinned pages are visible to core MM (folio_maybe_dma_pinned), so no I2 here (see README guesses).
  c.log.push({ actor: c.actor, level: "info", code: "VCPU_UNMAP", detail: `kvm_vcpu_unmap: ${m.writable ? "dirty + " : ""}${post ? "unpin_user_page" : "put_page"}`, srcRef: c.p.release.src });
}

export function step(state: SimState, e: SimEvent): StepResult {
  const blocked = whyBlocked(state, e);
  if (blocked) {
    return { state, blocked: true, violations: [], log: [{ actor: actorOf(e), level: "blocked", code: "BLOCKED", detail: `${e.t}: ${blocked}` }] };
  }
  return apply(state, e, false);
}

/** step() without the enabled check; `quiet` drops info log lines. For the explorer, which
 *  has already filtered with whyBlocked() and never shows the log. */
export function apply(state: SimState, e: SimEvent, quiet: boolean): StepResult {
  const actor = actorOf(e);
  const c: Ctx = { s: cloneState(state), p: getProfile(state.arch, state.policy), actor, log: [], vio: [], quiet };
  if ("vcpu" in e) {
    if (e.t === "GUEST_READ" || e.t === "GUEST_WRITE") guestAccess(c, e.vcpu, e.t === "GUEST_WRITE");
    else if (e.t === "FAULT_STEP" || e.t === "AF_STEP") faultStep(c, e.vcpu);
    else if (e.t === "VCPU_MAP") vcpuMap(c, e.vcpu, e.writable);
    else vcpuUnmap(c, e.vcpu);
  } else {
    mmStep(c, e);
  }
  const late = checkState(state, c.s, c.p);
  for (const v of late) c.log.push({ actor, level: "violation", code: v.code, detail: `${v.invariant}: ${v.explain}`, srcRef: `v12 ${v.patch}/84` });
  return { state: c.s, log: c.log, violations: [...c.vio, ...late], blocked: false };
}

/** Candidate events for every actor; the explorer picks from these. */
export function candidateEvents(s: SimState, actors?: ReadonlySet<ActorId>, all = false): SimEvent[] {
  const out: SimEvent[] = [];
  const want = (a: ActorId) => !actors || actors.has(a);
  s.vcpus.forEach((vc, i) => {
    const vcpu = i as Vcpu;
    if (!want(vcpu === 0 ? "v0" : "v1")) return;
    if (vc.fault) out.push({ t: "FAULT_STEP", vcpu });
    else out.push({ t: "GUEST_READ", vcpu }, { t: "GUEST_WRITE", vcpu });
  });
  if (want("vmm")) out.push({ t: "VMM_WRITE_HVA" }, { t: "VMM_READ_HVA" });
  if (want("wb")) out.push({ t: "WB_INVALIDATE_START" }, { t: "WB_MKCLEAN" }, { t: "WB_INVALIDATE_END" }, { t: "WB_CLEAR_DIRTY" }, { t: "WB_END" });
  if (want("reclaim")) out.push({ t: "RECLAIM_INVALIDATE_START" }, { t: "RECLAIM_UNMAP" }, { t: "RECLAIM_INVALIDATE_END" }, { t: "RECLAIM_FREE" });
  if (want("age") && s.s2.present && s.s2.young) out.push({ t: "AGE_CLEAR_YOUNG" });
  if (want("dirtylog")) out.push({ t: "DIRTYLOG_ENABLE" }, { t: "DIRTYLOG_GET_CLEAR" });
  if (all) {
    // Not explored by default: no-ops for the invariants, or outside the actor list.
    out.push({ t: "TRUNCATE" }, { t: "AGE_TEST_YOUNG" });
    if (!s.s2.young) out.push({ t: "AGE_CLEAR_YOUNG" });
    s.vcpus.forEach((vc, i) => {
      const vcpu = i as Vcpu;
      out.push(vc.map ? { t: "VCPU_UNMAP", vcpu } : { t: "VCPU_MAP", vcpu, writable: true });
    });
  }
  return out;
}

/** Every event that can run now (for the UI's "random schedule" and the explorer). */
export function enabledEvents(s: SimState, actors?: ReadonlySet<ActorId>, all = true): SimEvent[] {
  return candidateEvents(s, actors, all).filter((e) => whyBlocked(s, e) === null);
}
