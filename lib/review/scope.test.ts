import { describe, expect, it } from "vitest";
import { parseMaintainers } from "./maintainers";
import { findScopeText, parseScope, resolveScope, type ScopePatch } from "./scope";

describe("parseScope", () => {
  it.each<[string, { arches?: string[]; ranges?: [number, number][]; subsystems?: string[] } | null]>([
    ["arm64", { arches: ["arm64"], ranges: [] }],
    [" # arm64", { arches: ["arm64"] }],
    ["[for the arm64 part]", { arches: ["arm64"] }],
    ["For patches 1-3:", { arches: [], ranges: [[1, 3]] }],
    ["for patches 1, 3 and 5-7", { ranges: [[1, 1], [3, 3], [5, 7]] }],
    ["for patch #2", { ranges: [[2, 2]] }],
    ["For patches 01/84 to 03/84:", { ranges: [[1, 3]] }],
    ["for the KVM/riscv bits", { arches: ["riscv"], subsystems: ["KVM/riscv", "kvm"] }],
    ["for the arm64 changes", { arches: ["arm64"] }],
    ["For KVM x86:", { arches: ["x86"], subsystems: ["kvm"] }],
    ["For KVM RISC-V:", { arches: ["riscv"], subsystems: ["kvm"] }],
    ["for the LoongArch part", { arches: ["loongarch"] }],
    ["for the PPC e500 bits", { arches: ["powerpc"] }],
    ["s390x", { arches: ["s390"] }],
    ["for the arm and mips parts", { arches: ["arm", "mips"] }],
    ["# mmu", { arches: [], subsystems: ["mmu"] }],
    // Notes seen in the bulk linux-mips corpus:
    ["m68k", { arches: ["m68k"] }],
    ["#parisc", { arches: ["parisc"] }],
    ["arch/riscv", { arches: ["riscv"] }],
    ["for x86_64 and arm64", { arches: ["arm64", "x86"] }],
    ["For csky part.", { arches: ["csky"] }],
    ["for the mach-ep93xx part, and in general, for the whole series,", { arches: [], subsystems: ["mach-ep93xx"] }],
    ["So for those caveats you can certainly have a:", null],
    ["No worries, with the fixed comment:", null],
    ["", null],
  ])("%j", (text, want) => {
    const got = parseScope(text);
    if (want === null) return expect(got).toBeNull();
    expect(got).toMatchObject(want);
  });
});

describe("findScopeText", () => {
  const body = (s: string) => s.split("\n");
  it.each<[string, string, number, string | null]>([
    ["Anup's ack (v12 56/84)", "> Signed-off-by: Sean\n\nFor KVM RISC-V:\nAcked-by: Anup Patel <anup@brainfault.org>\n", 3, "For KVM RISC-V:"],
    ["lead-in sentence", "Nice cleanup. For the arm64 bits:\nAcked-by: M <m@k.org>", 1, "For the arm64 bits:"],
    ["skips the other trailers of the block", "For patches 1-3:\nReviewed-by: A <a@b.org>\nAcked-by: A <a@b.org>", 2, "For patches 1-3:"],
    ["other paragraph does not count", "For the arm64 bits:\n\nAcked-by: M <m@k.org>", 2, null],
    ["quoted text does not count", "> for the arm64 part\nAcked-by: M <m@k.org>", 1, null],
    ["other trailers above are not prose", "Fixes: 0123456789ab (\"x\")\nCc: stable@vger.kernel.org\nSigned-off-by: A <a@b.org>", 2, null],
    ["'changes' mid-sentence is not a scope", "Changes in v3: - take patch #5 and #6 from the series below.\nLink: https://x.org/y@z\nAcked-by: A <a@b.org>", 2, null],
    ["long prose mentioning an arch", "Even though they do not require it, they still aren't part of LA32 (LoongArch manual v1.10).\nAcked-by: A <a@b.org>", 1, null],
    ["Alex's cover Tested-by (v12)", "So for those caveats you can certainly have a:\n\nTested-by: Alex <a@l.org>", 2, null],
    ["plain prose", "Looks good to me:\nReviewed-by: A <a@b.org>", 1, null],
    ["first line", "Acked-by: A <a@b.org>", 0, null],
  ])("%s", (_l, text, idx, want) => {
    expect(body(text)[idx]).toMatch(/-by:/);
    expect(findScopeText(text, idx)).toBe(want);
  });
});

const PATCHES: ScopePatch[] = [
  { number: 1, arches: ["arm64"], files: ["arch/arm64/kvm/guest.c"] },
  { number: 2, arches: ["arm64"], files: ["arch/arm64/kvm/guest.c"] },
  { number: 3, arches: ["common"], files: ["virt/kvm/kvm_main.c", "include/linux/kvm_host.h"] },
  { number: 56, arches: ["riscv"], files: ["arch/riscv/kvm/mmu.c"] },
  { number: 64, arches: ["loongarch"], files: ["arch/loongarch/kvm/mmu.c"] },
];

const SECTIONS = parseMaintainers(`
KERNEL VIRTUAL MACHINE (KVM)
M:	Paolo <pbonzini@redhat.com>
F:	virt/kvm/
F:	include/linux/kvm*

KERNEL VIRTUAL MACHINE FOR RISC-V (KVM/riscv)
M:	Anup Patel <anup@brainfault.org>
F:	arch/riscv/kvm/
`);

describe("resolveScope", () => {
  it.each<[string, { numbers: number[] } | "unresolved"]>([
    ["arm64", { numbers: [1, 2] }],
    ["For patches 1-3:", { numbers: [1, 2, 3] }],
    ["for patches 2-60 (arm64)", { numbers: [2] }],
    ["For KVM RISC-V:", { numbers: [56] }],
    ["for the KVM/riscv bits", { numbers: [56] }],
    ["For KVM x86:", "unresolved"],
    ["For patches 90-95:", "unresolved"],
    ["# mmu", "unresolved"],
    ["for the arm part", { numbers: [1, 2] }],
  ])("%s", (text, want) => {
    const r = resolveScope(parseScope(text)!, PATCHES, SECTIONS);
    if (want === "unresolved") expect(r).toHaveProperty("unresolved");
    else expect(r).toEqual(want);
  });

  it("a subsystem alone resolves through MAINTAINERS", () => {
    expect(resolveScope({ text: "KVM/riscv", arches: [], ranges: [], subsystems: ["KVM/riscv"] }, PATCHES, SECTIONS)).toEqual({ numbers: [56] });
    expect(resolveScope({ text: "KVM/riscv", arches: [], ranges: [], subsystems: ["KVM/riscv"] }, PATCHES)).toHaveProperty("unresolved");
  });
});
