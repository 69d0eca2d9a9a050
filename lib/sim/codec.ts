// Compact trace encoding for URLs: `?sim=<arch>.<policy>.<init>.<events>`, events joined
// by "-" (e.g. `loongarch.pre.S1.vw-r0-f0-f0`), so a trace can be pasted into a review reply.
import type { Arch, Policy, SimEvent, Vcpu } from "./types";
import { ARCHES, POLICIES } from "./profiles";

const SIMPLE: Record<string, SimEvent> = {
  vw: { t: "VMM_WRITE_HVA" },
  vr: { t: "VMM_READ_HVA" },
  ws: { t: "WB_INVALIDATE_START" },
  wm: { t: "WB_MKCLEAN" },
  we: { t: "WB_INVALIDATE_END" },
  wc: { t: "WB_CLEAR_DIRTY" },
  wd: { t: "WB_END" },
  rs: { t: "RECLAIM_INVALIDATE_START" },
  ru: { t: "RECLAIM_UNMAP" },
  re: { t: "RECLAIM_INVALIDATE_END" },
  rf: { t: "RECLAIM_FREE" },
  tr: { t: "TRUNCATE" },
  ac: { t: "AGE_CLEAR_YOUNG" },
  at: { t: "AGE_TEST_YOUNG" },
  de: { t: "DIRTYLOG_ENABLE" },
  dg: { t: "DIRTYLOG_GET_CLEAR" },
};
const SIMPLE_BY_T = Object.fromEntries(Object.entries(SIMPLE).map(([k, e]) => [e.t, k]));
// Per-vCPU events: letter + vCPU index.
const VCPU: Record<string, SimEvent["t"]> = { r: "GUEST_READ", w: "GUEST_WRITE", f: "FAULT_STEP", a: "AF_STEP", m: "VCPU_MAP", u: "VCPU_UNMAP" };
const VCPU_BY_T = Object.fromEntries(Object.entries(VCPU).map(([k, t]) => [t, k]));

export function encodeEvent(e: SimEvent): string {
  if ("vcpu" in e) return `${VCPU_BY_T[e.t]}${e.vcpu}${e.t === "VCPU_MAP" && !e.writable ? "r" : ""}`;
  return SIMPLE_BY_T[e.t];
}

/** Unknown tokens are dropped, not thrown: a mangled URL still replays what it can. */
export function decodeEvent(tok: string): SimEvent | null {
  if (SIMPLE[tok]) return SIMPLE[tok];
  const m = /^([rwfamu])([01])(r?)$/.exec(tok);
  if (!m) return null;
  const vcpu = Number(m[2]) as Vcpu;
  const t = VCPU[m[1]];
  if (t === "VCPU_MAP") return { t, vcpu, writable: m[3] !== "r" };
  return { t, vcpu } as SimEvent;
}

export const encodeEvents = (es: SimEvent[]) => es.map(encodeEvent).join("-");
export const decodeEvents = (s: string) => s.split("-").map(decodeEvent).filter((e): e is SimEvent => e !== null);

export type TraceRef = { arch: Arch; policy: Policy; init: string; events: SimEvent[] };

export function encodeTrace(t: TraceRef): string {
  return `${t.arch}.${t.policy}.${t.init}.${encodeEvents(t.events)}`;
}

/** Accepts `<arch>.<policy>.<events>` too (init defaults to "default"); null if arch/policy unknown. */
export function decodeTrace(s: string): TraceRef | null {
  const parts = s.split(".");
  if (parts.length < 3) return null;
  const [arch, policy] = parts as [Arch, Policy];
  if (!ARCHES.includes(arch) || !POLICIES.includes(policy)) return null;
  const init = parts.length >= 4 ? parts[2] : "default";
  const events = decodeEvents(parts.length >= 4 ? parts.slice(3).join(".") : parts[2]);
  return { arch, policy, init, events };
}
