import { describe, expect, it } from "vitest";
import { findApplied } from "./applied";

const MARC = `On Fri, 26 Jul 2024 16:51:10 -0700, Sean Christopherson wrote:
> Put the page reference acquired by gfn_to_pfn_prot() if
> kvm_vm_ioctl_mte_copy_tags() runs into ZONE_DEVICE memory.
>
> Applied to something-quoted, thanks!

Applied to next, thanks!

[01/84] KVM: arm64: Release pfn, i.e. put page, if copying MTE tags hits ZONE_DEVICE
        commit: ae41d7dbaeb4f79134136cd65ad7015cf9ccf78a

Cheers,

	M.
-- 
Without deviation from the norm, progress is not possible.
`;

describe("findApplied", () => {
  it("b4 ty reply (v12 01/84, Marc Zyngier)", () => {
    expect(findApplied(MARC)).toEqual({
      tree: "next",
      verb: "applied",
      lineIndex: 6,
      patches: [
        {
          counter: 1,
          total: 84,
          subject: "KVM: arm64: Release pfn, i.e. put page, if copying MTE tags hits ZONE_DEVICE",
          commit: "ae41d7dbaeb4f79134136cd65ad7015cf9ccf78a",
        },
      ],
    });
  });

  it.each<[string, string, { tree: string; verb?: string; n?: number; commits?: (string | null)[] } | null]>([
    ["kvm-arm64/next", "Applied to kvm-arm64/next, thanks!\n\n[1/2] a\n      commit: 111\n[2/2] b\n      commit: https://git.kernel.org/x/c/222\n", { tree: "kvm-arm64/next", n: 2, commits: ["111", "https://git.kernel.org/x/c/222"] }],
    ["no commit info", "Applied to kvm-x86 mmu, thanks!\n\n[03/84] KVM: foo\n        (no commit info)\n", { tree: "kvm-x86 mmu", n: 1, commits: [null] }],
    ["pushed", "Pushed to kvm/queue. Thanks!", { tree: "kvm/queue", verb: "pushed", n: 0 }],
    ["queued", "Queued, thanks.", { tree: "", verb: "queued", n: 0 }],
    ["applied ... to ... branch", "Applied the first two patches to the riscv-next branch, thanks!", { tree: "riscv-next", n: 0 }],
    ["merged into", "Merged into for-next, thank you.", { tree: "for-next", verb: "merged", n: 0 }],
    ["Mark Brown's template", "Applied to\n\n   https://git.kernel.org/pub/scm/linux/kernel/git/broonie/spi.git for-next\n\nThanks!\n\n[1/3] dt-bindings: spi: x\n      commit: eef26f1c\n[3/3] spi: y\n      commit: 42d20a6a\n\nAll being well this means\n", { tree: "https://git.kernel.org/pub/scm/linux/kernel/git/broonie/spi.git for-next", n: 2, commits: ["eef26f1c", "42d20a6a"] }],
    ["tree ends at the comma", "Applied to kvm-x86 tdx, with fixups for the various typos.  Thanks for all the help!", { tree: "kvm-x86 tdx", n: 0 }],
    ["applied for <tree>", "Applied for next, thanks!", { tree: "next", n: 0 }],
    ["dotted tree names survive", "Applied to sudeep.holla/linux (for-next/juno/fixes), thanks!", { tree: "sudeep.holla/linux (for-next/juno/fixes)", n: 0 }],
    ["b4 ty without a branch", "Applied, thanks!\n\n[1/1] foo: bar\n      commit: 0123abcd\n", { tree: "", n: 1, commits: ["0123abcd"] }],
    ["commit URL without 'commit:' (kvm-x86)", "Applied to kvm-x86 generic, thanks!\n\n[1/6] KVM: Add a flag\n      https://github.com/kvm-x86/linux/commit/d1ae567fb8b5\n[2/6] KVM: VMX: Move\n      https://github.com/kvm-x86/linux/commit/5d9c07febb86\n\n--\nhttps://github.com/kvm-x86/linux/tree/next\n", { tree: "kvm-x86 generic", n: 2, commits: ["https://github.com/kvm-x86/linux/commit/d1ae567fb8b5", "https://github.com/kvm-x86/linux/commit/5d9c07febb86"] }],
    ["prose is not a notice", "Applied this locally and it boots fine.\n", null],
    ["quoted only", "> Applied to next, thanks!\n", null],
    ["after signature", "Hi\n-- \nApplied to next, thanks!\n", null],
    ["nothing", "", null],
  ])("%s", (_l, body, want) => {
    const got = findApplied(body);
    if (want === null) return expect(got).toBeNull();
    expect(got).not.toBeNull();
    expect(got!.tree).toBe(want.tree);
    if (want.verb) expect(got!.verb).toBe(want.verb);
    if (want.n !== undefined) expect(got!.patches.length).toBe(want.n);
    if (want.commits) expect(got!.patches.map((p) => p.commit)).toEqual(want.commits);
  });
});
