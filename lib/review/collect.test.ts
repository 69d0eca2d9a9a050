import { describe, expect, it } from "vitest";
import { parseSubject } from "../mail/subject";
import type { MessageKind, ThreadMessage } from "../mail/types";
import { collectApplied, collectTrailers } from "./collect";

let n = 0;
function msg(kind: MessageKind, subject: string, from: string, body: string, parentId: string | null, files: string[] = [], id?: string): ThreadMessage {
  const [name, email] = from.split("|");
  return {
    messageId: id ?? `m${++n}@x`,
    parentId,
    kind,
    from: { name, email },
    date: null,
    subject,
    subjectInfo: parseSubject(subject),
    body,
    hasDiff: kind === "patch",
    files,
  };
}

const SEAN = "Sean|seanjc@google.com";
const cover = msg("cover", "[PATCH v2 0/3] KVM: stuff", SEAN, "cover text\n 3 files changed, 3 insertions(+)\n", null, [], "cover@x");
const p1 = msg("patch", "[PATCH v2 1/3] KVM: arm64: one", SEAN, "one\n\nReviewed-by: Old <old@x.org>\nSigned-off-by: Sean <seanjc@google.com>\n---\n a | 1 +\n", "cover@x", ["arch/arm64/kvm/mmu.c"], "p1@x");
const p2 = msg("patch", "[PATCH v2 2/3] KVM: riscv: two", SEAN, "two\n\nSigned-off-by: Sean <seanjc@google.com>\n---\n", "cover@x", ["arch/riscv/kvm/mmu.c"], "p2@x");
const p3 = msg("patch", "[PATCH v2 3/3] KVM: three", SEAN, "three\n\nSigned-off-by: Sean <seanjc@google.com>\n---\n", "cover@x", ["virt/kvm/kvm_main.c"], "p3@x");

const view = (r: ReturnType<typeof collectTrailers>, id: string) =>
  r.byPatch[id].map((t) => `${t.via} ${t.label}: ${t.email}${t.verified ? "" : " (unverified)"}${t.scope ? ` [${t.scope}${t.scopeResolved ? "" : " unresolved"}]` : ""}`);

describe("collectTrailers", () => {
  it("self, reply, deep reply, cover, scoped cover, mismatch", () => {
    const r1 = msg("reply", "Re: [PATCH v2 1/3] KVM: arm64: one", "Rev One|rev1@x.org", "> Signed-off-by: Sean <seanjc@google.com>\n\nReviewed-by: Rev One <rev1@x.org>\n", "p1@x", [], "r1@x");
    const r2 = msg("reply", "Re: [PATCH v2 1/3] KVM: arm64: one", SEAN, "thanks", "r1@x", [], "r2@x");
    const r3 = msg("reply", "Re: [PATCH v2 1/3] KVM: arm64: one", "Rev Two|rev2@x.org", "ok then\n\nAcked-by: Rev Two <rev2@x.org>\n", "r2@x", [], "r3@x");
    const bad = msg("reply", "Re: [PATCH v2 2/3] KVM: riscv: two", "Someone|someone@else.org", "Acked-by: Anup Patel <anup@brainfault.org>\n", "p2@x", [], "bad@x");
    const c1 = msg("reply", "Re: [PATCH v2 0/3] KVM: stuff", "Tester|t@x.org", "Tested-by: Tester <t@x.org>\n", "cover@x", [], "c1@x");
    const c2 = msg("reply", "Re: [PATCH v2 0/3] KVM: stuff", "Marc|maz@kernel.org", "For the arm64 bits:\nAcked-by: Marc <maz@kernel.org>\n", "cover@x", [], "c2@x");
    const c3 = msg("reply", "Re: [PATCH v2 0/3] KVM: stuff", "Mips|m@x.org", "Acked-by: Mips <m@x.org> # mips\n", "cover@x", [], "c3@x");
    const r = collectTrailers([cover, p1, p2, p3, r1, r2, r3, bad, c1, c2, c3]);
    expect(view(r, "p1@x")).toEqual([
      "self Reviewed-by: old@x.org",
      "self Signed-off-by: seanjc@google.com",
      "reply Reviewed-by: rev1@x.org",
      "reply Acked-by: rev2@x.org",
      "cover Tested-by: t@x.org",
      "cover Acked-by: maz@kernel.org [For the arm64 bits:]",
      "cover Acked-by: m@x.org [mips unresolved]",
    ]);
    expect(view(r, "p2@x")).toEqual([
      "self Signed-off-by: seanjc@google.com",
      "reply Acked-by: anup@brainfault.org (unverified)",
      "cover Tested-by: t@x.org",
      "cover Acked-by: m@x.org [mips unresolved]",
    ]);
    expect(view(r, "p3@x")).toEqual(["self Signed-off-by: seanjc@google.com", "cover Tested-by: t@x.org", "cover Acked-by: m@x.org [mips unresolved]"]);
    expect(r.byPatch["p1@x"][3].messageId).toBe("r3@x");
  });

  it("dedups (kind, email), a verified copy replacing an unverified one", () => {
    const a = msg("reply", "Re: x", "Other|other@x.org", "Reviewed-by: Rev <rev@x.org>\n", "p3@x");
    const b = msg("reply", "Re: x", "Rev|rev@x.org", "Reviewed-by: Rev <REV@x.org>\n", "p3@x");
    const r = collectTrailers([p3, a, b]);
    expect(view(r, "p3@x")).toEqual(["self Signed-off-by: seanjc@google.com", "reply Reviewed-by: rev@x.org"]);
  });

  it("an intermediate reply's trailers keep their own sender check (b4 appends them unchecked)", () => {
    const mid = msg("reply", "Re: x", "Someone|someone@else.org", "Acked-by: Boss <boss@x.org>\n", "p3@x", [], "mid@x");
    const leaf = msg("reply", "Re: x", "Rev|rev@x.org", "Reviewed-by: Rev <rev@x.org>\n", "mid@x", [], "leaf@x");
    const r = collectTrailers([p3, mid, leaf]);
    expect(view(r, "p3@x")).toEqual([
      "self Signed-off-by: seanjc@google.com",
      "reply Acked-by: boss@x.org (unverified)",
      "reply Reviewed-by: rev@x.org",
    ]);
  });

  it("unattached: missing parent, and a loop", () => {
    const orphan = msg("reply", "Re: x", "A|a@x.org", "Acked-by: A <a@x.org>", "missing@x");
    const l1 = msg("reply", "Re: x", "B|b@x.org", "Acked-by: B <b@x.org>", "l2@x", [], "l1@x");
    const l2 = msg("reply", "Re: x", "C|c@x.org", "hm", "l1@x", [], "l2@x");
    const r = collectTrailers([orphan, l1, l2]);
    expect(r.unattached.map((u) => [u.trailer.email, u.reason])).toEqual([
      ["a@x.org", "parent not in the thread"],
      ["b@x.org", "reply loop"],
    ]);
  });

  it("a reply-scope that excludes its patch is flagged, not moved", () => {
    const a = msg("reply", "Re: x", "Anup|anup@brainfault.org", "For KVM RISC-V:\nAcked-by: Anup <anup@brainfault.org>\n", "p1@x");
    const r = collectTrailers([cover, p1, p2, a]);
    expect(view(r, "p1@x").at(-1)).toBe("reply Acked-by: anup@brainfault.org [For KVM RISC-V: unresolved]");
  });
});

describe("collectApplied", () => {
  it("b4 ty notices by [NN/MM], and a plain 'Applied, thanks' to the cover", () => {
    const ty = msg("reply", "Re: (subset) [PATCH v2 1/3] KVM: arm64: one", "Marc|maz@kernel.org", "Applied to next, thanks!\n\n[1/3] KVM: arm64: one\n      commit: abc\n", "p1@x", [], "ty@x");
    const all = msg("reply", "Re: [PATCH v2 0/3] KVM: stuff", "Paolo|pbonzini@redhat.com", "Queued, thanks.\n", "cover@x", [], "q@x");
    const r = collectApplied([cover, p1, p2, p3, ty, all]);
    expect(r["p1@x"]).toEqual({ tree: "next", commit: "abc", by: "Marc <maz@kernel.org>", messageId: "ty@x" });
    expect(r["p2@x"]).toMatchObject({ tree: "", commit: null, messageId: "q@x" });
    expect(Object.keys(r).sort()).toEqual(["p1@x", "p2@x", "p3@x"]);
  });
});
