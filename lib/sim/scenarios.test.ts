import { describe, expect, it } from "vitest";
import { run } from "./run";
import { SCENARIOS, type Expect, type Scenario } from "./scenarios";
import type { Policy } from "./types";

const cases: [string, Scenario, Policy, Expect][] = SCENARIOS.flatMap((sc) =>
  (Object.entries(sc.expect) as [Policy, Expect][]).map(([policy, exp]) => [`${sc.id} ${sc.arch} ${policy}`, sc, policy, exp] as [string, Scenario, Policy, Expect]),
);

describe("scenario table", () => {
  it.each(cases)("%s", (_name, sc, policy, exp) => {
    const r = run(sc.arch, policy, sc.script, sc.opts);
    const codes = [...new Set(r.violations.map((v) => v.code))].sort();
    expect(codes).toEqual([...exp.violations].sort());
    const logCodes = new Set(r.trace.flatMap((t) => t.log.map((l) => l.code)));
    for (const c of exp.logs ?? []) expect(logCodes, `log ${c}`).toContain(c);
    for (const c of exp.noLogs ?? []) expect(logCodes, `no log ${c}`).not.toContain(c);
    const f = exp.final ?? {};
    const s = r.final;
    if (f.kvmRefs !== undefined) expect(s.folio.kvmRefs).toBe(f.kvmRefs);
    if (f.folioDirty !== undefined) expect(s.folio.dirty).toBe(f.folioDirty);
    if (f.folioExists !== undefined) expect(s.folio.exists).toBe(f.folioExists);
    if (f.s2Present !== undefined) expect(s.s2.present).toBe(f.s2Present);
    if (f.s2HwWritable !== undefined) expect(s.s2.hwWritable).toBe(f.s2HwWritable);
    if (f.falseDirtyCount !== undefined) expect(s.falseDirtyCount).toBe(f.falseDirtyCount);
    if (f.mapFailed !== undefined) expect(s.mapFailed).toBe(f.mapFailed);
    // Every violation links to a patch of the series and says something.
    for (const v of r.violations) {
      expect(v.patch).toBeGreaterThan(0);
      expect(v.patch).toBeLessThanOrEqual(84);
      expect(v.explain.length).toBeGreaterThan(40);
      expect(r.trace[v.stepIndex].violations).toContainEqual(v);
    }
  });

  it("maobibo's case (S1) differs between pre and landed as the design note says", () => {
    const s1 = SCENARIOS.find((s) => s.id === "S1")!;
    const pre = run(s1.arch, "pre", s1.script, s1.opts);
    const landed = run(s1.arch, "landed", s1.script, s1.opts);
    // pre: the fast path touches the folio (I4); landed: the read fault dirtied it under mmu_lock.
    expect(pre.violations.map((v) => v.invariant)).toContain("I4");
    expect(landed.violations).toEqual([]);
    const readFaultDirtied = (r: typeof pre) =>
      r.trace.some((t) => t.event.t === "FAULT_STEP" && t.log.some((l) => l.code === "S2_INSTALL") && t.log.some((l) => l.code === "KVM_SET_PAGE_DIRTY"));
    expect(readFaultDirtied(landed)).toBe(true);
    expect(readFaultDirtied(pre)).toBe(false);
  });

  it("names a policy only if its arch has a profile for it, and every scenario has a pre and a post outcome", () => {
    for (const sc of SCENARIOS) {
      expect(Object.keys(sc.expect).some((p) => p.startsWith("pre"))).toBe(true);
      expect(sc.expect.landed).toBeDefined();
    }
  });
});
