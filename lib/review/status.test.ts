import { describe, expect, it } from "vitest";
import { parseMaintainers } from "./maintainers";
import { findPatchSections, summarizeArches, type ReviewTrailer } from "./status";

const MAINTAINERS = `
KERNEL VIRTUAL MACHINE (KVM)
M:\tPaolo Bonzini <pbonzini@redhat.com>
S:\tSupported
F:\tvirt/kvm/

KERNEL VIRTUAL MACHINE FOR MIPS (KVM/mips)
M:\tHuacai Chen <chenhuacai@kernel.org>
S:\tMaintained
F:\tarch/mips/kvm/

MIPS
M:\tThomas Bogendoerfer <tsbogend@alpha.franken.de>
S:\tMaintained
F:\tarch/mips/

KERNEL VIRTUAL MACHINE FOR X86 (KVM/x86)
M:\tSean Christopherson <seanjc@google.com>
M:\tPaolo Bonzini <pbonzini@redhat.com>
R:\tReviewer Person <rev@example.org>
F:\tarch/x86/kvm/
`;
const sections = parseMaintainers(MAINTAINERS);
const reviewed = (email: string, verified = true): ReviewTrailer => ({ kind: "reviewed-by", name: "x", email, verified, messageId: "m@x" });

describe("findPatchSections", () => {
  it("owes the most specific section, by its M: people, and lists broader ones as cc", () => {
    const s = findPatchSections({ files: ["arch/mips/kvm/mmu.c"], authorEmail: "seanjc@google.com", trailers: [], applied: null }, sections);
    expect(s.filter((x) => x.role === "owner")).toMatchObject([{ arch: "mips", name: "KERNEL VIRTUAL MACHINE FOR MIPS (KVM/mips)", status: "owed", owedBy: ["Huacai Chen <chenhuacai@kernel.org>"] }]);
    expect(s.filter((x) => x.role === "cc").map((x) => x.name)).toEqual(["MIPS"]);
  });

  it("is satisfied by a verified review from a listed person, not by an unverified one or by a stranger", () => {
    const base = { files: ["arch/mips/kvm/mmu.c"], authorEmail: "seanjc@google.com", applied: null };
    expect(findPatchSections({ ...base, trailers: [reviewed("chenhuacai@kernel.org")] }, sections)[0].status).toBe("satisfied");
    expect(findPatchSections({ ...base, trailers: [reviewed("chenhuacai@kernel.org", false)] }, sections)[0].status).toBe("owed");
    expect(findPatchSections({ ...base, trailers: [reviewed("someone@else.org")] }, sections)[0].status).toBe("owed");
  });

  it("counts an R: reviewer's review, and an apply by a maintainer", () => {
    const x86 = { files: ["arch/x86/kvm/mmu/mmu.c"], authorEmail: "a@b.c", trailers: [reviewed("rev@example.org")], applied: null };
    expect(findPatchSections(x86, sections)[0]).toMatchObject({ status: "satisfied", satisfiedBy: { email: "rev@example.org" } });
    const applied = { files: ["virt/kvm/kvm_main.c"], authorEmail: "a@b.c", trailers: [], applied: { by: "Paolo Bonzini <pbonzini@redhat.com>", messageId: "ty@x" } };
    expect(findPatchSections(applied, sections)[0]).toMatchObject({ status: "satisfied", satisfiedBy: { kind: "applied" } });
  });

  it("marks the author's own section as such", () => {
    const s = findPatchSections({ files: ["arch/x86/kvm/x86.c"], authorEmail: "seanjc@google.com", trailers: [], applied: null }, sections);
    expect(s[0].status).toBe("author");
  });

  it("splits a cross-arch patch per arch", () => {
    const s = findPatchSections({ files: ["arch/mips/kvm/mmu.c", "virt/kvm/kvm_main.c"], authorEmail: "z@z.z", trailers: [], applied: null }, sections);
    expect(s.filter((x) => x.role === "owner").map((x) => [x.arch, x.name])).toEqual([
      ["mips", "KERNEL VIRTUAL MACHINE FOR MIPS (KVM/mips)"],
      ["common", "KERNEL VIRTUAL MACHINE (KVM)"],
    ]);
  });
});

describe("summarizeArches", () => {
  it("counts patches, approvals and owed patches per arch, in dashboard order", () => {
    const mk = (files: string[], trailers: ReviewTrailer[]) => ({
      arches: [...new Set(files.map((f) => f.match(/^arch\/([^/]+)/)?.[1] ?? "common"))],
      trailers,
      applied: null,
      sections: findPatchSections({ files, authorEmail: "z@z.z", trailers, applied: null }, sections),
    });
    const rows = summarizeArches(
      [mk(["arch/mips/kvm/a.c"], [reviewed("chenhuacai@kernel.org")]), mk(["arch/mips/kvm/b.c"], []), mk(["virt/kvm/c.c"], [])],
      ["mips", "common"],
    );
    expect(rows).toEqual([
      { arch: "mips", patches: 2, acked: 0, reviewed: 1, tested: 0, applied: 0, owed: 1, owedBy: ["Huacai Chen <chenhuacai@kernel.org>"] },
      { arch: "common", patches: 1, acked: 0, reviewed: 0, tested: 0, applied: 0, owed: 1, owedBy: ["Paolo Bonzini <pbonzini@redhat.com>"] },
    ]);
  });
});
