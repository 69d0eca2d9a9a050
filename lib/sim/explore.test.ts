import { describe, expect, it } from "vitest";
import { DEFAULT_BOUNDS, defaultModel, explore, stateKey } from "./explore";
import { initialState } from "./model";
import { runFrom } from "./run";
import { ARCHES } from "./profiles";
import type { Arch, InvariantId, Policy } from "./types";

// Results are deterministic, so each (arch, policy) is explored once and shared.
const memo = new Map<string, ReturnType<typeof explore>>();
const ex = (arch: Arch, policy: Policy) => {
  const k = `${arch}/${policy}`;
  if (!memo.has(k)) memo.set(k, explore(defaultModel(arch, policy), DEFAULT_BOUNDS));
  return memo.get(k)!;
};
const ids = (arch: Arch, policy: Policy) => ex(arch, policy).found.map((c) => c.invariant);

describe("explore: known pre-series races are found", () => {
  it.each<[Arch, Policy, InvariantId[]]>([
    ["loongarch", "pre", ["I2", "I4"]], // fast-path kvm_set_pfn_dirty after unlock (v12 64)
    ["loongarch", "pre-nofastref", ["I3"]], // v6.10 fast path without get_page (v12 65)
    ["mips", "pre", ["I3", "I4"]], // fast-path accessed after unlock, no ref (v12 69)
    ["arm64", "pre", ["I2", "I3"]], // dirty after read_unlock (v12 54), AF accessed after unlock (v12 82)
    ["arm64", "v12", ["I6"]], // Oliver's leak in v12 54 as posted
    ["riscv", "v12", ["I6"]], // same goof in v12 56
  ])("%s under %s finds %j", (arch, policy, expected) => {
    expect(ids(arch, policy)).toEqual(expect.arrayContaining(expected));
  });

  it("returns replayable traces that end in the violation they report", () => {
    for (const [arch, policy] of [["loongarch", "pre"], ["mips", "pre"], ["arm64", "pre"]] as [Arch, Policy][]) {
      const m = defaultModel(arch, policy);
      for (const c of ex(arch, policy).found) {
        const r = runFrom(initialState(arch, policy, m.opts), c.events);
        expect(r.trace.every((t) => !t.blocked)).toBe(true);
        expect(r.trace.at(-1)!.violations.map((v) => v.invariant)).toContain(c.invariant);
        expect(c.violation.stepIndex).toBe(c.events.length - 1);
      }
    }
  });

  it("finds the shortest trace (BFS): the LoongArch fast-path folio op needs only a fault and one step", () => {
    const i4 = ex("loongarch", "pre").found.find((c) => c.invariant === "I4")!;
    expect(i4.depth).toBe(2);
  });
});

describe("explore: the landed series is clean within the bound", () => {
  it.each(ARCHES)("%s landed: none up to the default depth", (arch) => {
    const r = ex(arch, "landed");
    expect(r.found).toEqual([]);
    expect(r.complete).toBe(true);
    expect(r.depth).toBe(DEFAULT_BOUNDS.depth);
    expect(r.summary).toMatch(/^none up to depth \d+, \d+ states explored$/);
  });
});

describe("stateKey", () => {
  it("identifies states that differ only in absolute sequence numbers", () => {
    const a = initialState("x86", "landed");
    const b = { ...a, mmuInvalidateSeq: 7, folio: { ...a.folio, cleanEpoch: 3 } };
    expect(stateKey(b)).toBe(stateKey(a));
    const c = { ...a, s2: { ...a.s2, present: true } };
    expect(stateKey(c)).not.toBe(stateKey(a));
  });
});
