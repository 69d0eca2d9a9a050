import { describe, expect, it } from "vitest";
import { ARCHES, POLICIES, getProfile } from "./profiles";
import { INVARIANTS } from "./invariants";

describe("arch profiles", () => {
  it("every field of every (arch, policy) profile cites a source", () => {
    for (const a of ARCHES) for (const p of POLICIES) {
      for (const [field, value] of Object.entries(getProfile(a, p))) {
        expect(value.src.length, `${a}/${p}.${field}`).toBeGreaterThan(5);
        expect(value.fix).toBeGreaterThanOrEqual(0);
      }
    }
  });

  it("landed: no arch marks folios from the fast path or after dropping mmu_lock", () => {
    for (const a of ARCHES.filter((x) => x !== "s390")) {
      const p = getProfile(a, "landed");
      expect(p.fastDirty.v).toBe("none");
      expect(p.fastAccessed.v).toBe("none");
      expect(p.release.v).toEqual({ point: "locked", kind: "faultinPage" });
      expect(p.pfnmapRefHack.v).toBe(false);
    }
  });

  it("v12 differs from landed only for the arm64 (54) and RISC-V (56) leak", () => {
    for (const a of ARCHES) {
      const leak = getProfile(a, "v12").dirtyInsteadOfRelease;
      expect(leak.v).toBe(a === "arm64" || a === "riscv");
      if (leak.v) expect(leak.fix).toBe(a === "arm64" ? 54 : 56);
    }
  });

  it("lists I1-I9 once each, each with a patch of the series", () => {
    expect(INVARIANTS.map((i) => i.id)).toEqual(["I1", "I2", "I3", "I4", "I5", "I6", "I7", "I8", "I9"]);
    for (const i of INVARIANTS) expect(i.patch).toBeGreaterThan(0);
  });
});
