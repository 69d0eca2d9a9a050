import { describe, expect, it } from "vitest";
import { archesForPatch, findArchForSubject, findFaultPathArch } from "./arch";

describe("archesForPatch", () => {
  it.each([
    ["KVM: LoongArch: Mark pfns dirty", ["arch/loongarch/kvm/mmu.c"], [{ arch: "loongarch", source: "both" }]],
    ["KVM: x86/mmu: Foo", ["arch/x86/kvm/mmu/mmu.c", "include/linux/kvm_host.h"], [{ arch: "x86", source: "both" }, { arch: "common", source: "path" }]],
    ["KVM: PPC: e500: Use __kvm_faultin_pfn()", ["arch/powerpc/kvm/e500_mmu_host.c"], [{ arch: "powerpc", source: "both" }]],
    ["KVM: nVMX: Drop pointless field", ["arch/x86/kvm/vmx/nested.c"], [{ arch: "x86", source: "both" }]],
    // The subject names an arch the diff does not touch: both are shown.
    ["KVM: arm64: Only docs", ["Documentation/virt/kvm/api.rst"], [{ arch: "arm64", source: "subject" }, { arch: "common", source: "path" }]],
    ["KVM: Drop KVM_ERR_PTR_BAD_PAGE", ["virt/kvm/kvm_main.c"], [{ arch: "common", source: "path" }]],
  ])("%s", (title, paths, expected) => expect(archesForPatch(title, paths)).toEqual(expected));

  it("reads only the prefix of a subject, not its free text", () => {
    expect(findArchForSubject("KVM: Move x86's API to release a faultin page to common KVM")).toBeNull();
    expect(findArchForSubject("KVM: riscv: Mark pages dirty")).toBe("riscv");
  });
});

describe("findFaultPathArch", () => {
  it.each([
    [["arch/arm64/kvm/mmu.c"], "arm64"],
    [["arch/x86/kvm/mmu/tdp_mmu.c"], "x86"],
    [["arch/powerpc/kvm/e500_mmu_host.c"], "ppc_e500"],
    [["arch/powerpc/kvm/book3s_64_mmu_host.c"], "powerpc"],
    [["virt/kvm/kvm_main.c", "arch/x86/kvm/x86.c"], null],
  ])("%j -> %s", (paths, expected) => expect(findFaultPathArch(paths)).toBe(expected));
});
