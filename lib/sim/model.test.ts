import { describe, expect, it } from "vitest";
import { enabledEvents, initialState, step } from "./model";
import { decodeTrace, encodeTrace } from "./codec";
import { ARCHES, POLICIES } from "./profiles";
import type { SimEvent } from "./types";

describe("step", () => {
  it("returns the same state and a blocked line for a disabled event, never throws", () => {
    const s = initialState("loongarch", "landed");
    const bad: SimEvent[] = [{ t: "FAULT_STEP", vcpu: 0 }, { t: "FAULT_STEP", vcpu: 1 }, { t: "WB_MKCLEAN" }, { t: "RECLAIM_FREE" }, { t: "VCPU_UNMAP", vcpu: 0 }];
    for (const e of bad) {
      const r = step(s, e);
      expect(r.state).toBe(s);
      expect(r.blocked).toBe(true);
      expect(r.log[0].level).toBe("blocked");
      expect(r.violations).toEqual([]);
    }
  });

  it("does not mutate its input", () => {
    const s = initialState("arm64", "pre", { backing: "file_wn" });
    const before = JSON.stringify(s);
    step(s, { t: "VMM_WRITE_HVA" });
    step(s, { t: "GUEST_WRITE", vcpu: 0 });
    expect(JSON.stringify(s)).toBe(before);
  });

  it("blocks an invalidation while a fault holds mmu_lock", () => {
    let s = initialState("loongarch", "landed");
    for (const e of [{ t: "GUEST_READ", vcpu: 0 }, { t: "FAULT_STEP", vcpu: 0 }, { t: "FAULT_STEP", vcpu: 0 }] as SimEvent[]) s = step(s, e).state;
    expect(s.mmuLock.holders).toEqual(["v0"]);
    expect(step(s, { t: "WB_INVALIDATE_START" }).blocked).toBe(true);
    expect(enabledEvents(s).map((e) => e.t)).not.toContain("WB_INVALIDATE_START");
  });

  it("enabledEvents lists only events step accepts", () => {
    for (const arch of ARCHES) for (const policy of POLICIES) {
      const s = initialState(arch, policy, { vcpus: 2, backing: "file_wn" });
      for (const e of enabledEvents(s)) expect(step(s, e).blocked).toBe(false);
    }
  });
});

describe("trace codec", () => {
  it("round-trips a trace through the URL form", () => {
    const t = { arch: "loongarch" as const, policy: "pre" as const, init: "S1", events: [{ t: "VMM_WRITE_HVA" }, { t: "GUEST_READ", vcpu: 0 }, { t: "FAULT_STEP", vcpu: 1 }, { t: "VCPU_MAP", vcpu: 0, writable: false }] as SimEvent[] };
    const s = encodeTrace(t);
    expect(s).toBe("loongarch.pre.S1.vw-r0-f1-m0r");
    expect(decodeTrace(s)).toEqual(t);
  });
  it("degrades on junk instead of throwing", () => {
    expect(decodeTrace("nope")).toBeNull();
    expect(decodeTrace("x86.bogus.vw")).toBeNull();
    expect(decodeTrace("x86.landed.vw-zz-r0")?.events).toEqual([{ t: "VMM_WRITE_HVA" }, { t: "GUEST_READ", vcpu: 0 }]);
  });
});
