import { describe, expect, it } from "vitest";
import { parseSubject } from "./subject";

describe("parseSubject", () => {
  it.each([
    ["[PATCH v12 64/84] KVM: LoongArch: Mark \"struct page\" pfns dirty only in \"slow\" page fault path", { revision: 12, counter: 64, total: 84, isReply: false, title: 'KVM: LoongArch: Mark "struct page" pfns dirty only in "slow" page fault path' }],
    ["[PATCH 0/3] foo: bar", { revision: 1, revisionInferred: true, counter: 0, total: 3, countersInferred: false }],
    ["[RFC PATCH v2 1/2] mm: x", { revision: 2, counter: 1, total: 2, isRfc: true }],
    ["[PATCHv3 2/5] foo", { revision: 3, counter: 2, total: 5, revisionInferred: false }],
    ["Re: [PATCH v12 41/84] KVM: x86/mmu: Mark pages/folios dirty at the origin of make_spte()", { isReply: true, counter: 41, revision: 12 }],
    ["Re: (subset) [PATCH v12 01/84] KVM: arm64: Release pfn", { isReply: true, isSubset: true, counter: 1, total: 84 }],
    ["RE: Re: [PATCH 2/2] x", { isReply: true, counter: 2, title: "x" }],
    ["Sv: [PATCH] foo", { isReply: true }],
    ["[PATCH 3 of 7] hg style", { counter: 3, total: 7 }],
    ["[PATCH 6/5] extra", { counter: 6, total: 6 }],
    ["[PATCH v2 [RESEND] 1/2] nested", { revision: 2, isResend: true, counter: 1, total: 2, title: "nested" }],
    ["[PATCH net-next v4 03/10] net: foo", { revision: 4, counter: 3, prefixes: ["net-next"] }],
    ["no brackets at all", { revision: 1, counter: 1, total: 1, countersInferred: true, title: "no brackets at all" }],
    ["", { title: "", isReply: false }],
    ["[PATCH v12 00/84] KVM: Stop   grabbing\n references", { counter: 0, title: "KVM: Stop grabbing references" }],
  ])("parseSubject(%j)", (subject, expected) => {
    expect(parseSubject(subject)).toMatchObject(expected);
  });

  it("never throws on hostile subjects", () => {
    for (const s of ["[[[[", "]]]]", "[PATCH v99999999 1/1]", "Re:".repeat(500), "[".repeat(10_000)]) {
      expect(() => parseSubject(s)).not.toThrow();
    }
  });
});
