import { describe, expect, it } from "vitest";
import {
  findLinkMessageId,
  findPatchTrailers,
  findReplyTrailers,
  findTrailers,
  isSameEmail,
  isSameTrailer,
  isTrailerFromSender,
  parsePersonValue,
} from "./trailers";

const pick = (body: string, followup = true) =>
  findTrailers(body, { followup }).map((t) => `${t.name}: ${t.value}`);

describe("findTrailers", () => {
  it.each<[string, string, boolean, string[]]>([
    ["plain ack", "Looks good.\n\nAcked-by: A B <a@b.org>\n", true, ["Acked-by: A B <a@b.org>"]],
    ["quoted never counts", "> Signed-off-by: Sean <seanjc@google.com>\n> Acked-by: X <x@y.org>\n", true, []],
    ["leading whitespace allowed", "   Reviewed-by: A <a@b.org>", true, ["Reviewed-by: A <a@b.org>"]],
    ["after signature dropped", "Acked-by: A <a@b.org>\n-- \nReviewed-by: B <b@c.org>\n", true, ["Acked-by: A <a@b.org>"]],
    ["'--' without space is not a signature", "Acked-by: A <a@b.org>\n--\nReviewed-by: B <b@c.org>\n", true, ["Acked-by: A <a@b.org>", "Reviewed-by: B <b@c.org>"]],
    ["followup: no email -> ignored", "Acked-by: the whole team\n", true, []],
    ["not followup: unknown kept", "Acked-by: the whole team\n", false, ["Acked-by: the whole team"]],
    ["followup: URL only in link trailers", "Reviewed-by: https://x.org/a@b.org\nLink: https://lore.kernel.org/r/1@x.org\n", true, ["Link: https://lore.kernel.org/r/1@x.org"]],
    ["ignored names", "Email: a@b.org\nPhone: 123 a@b.org\nAcked-by: A <a@b.org>", true, ["Acked-by: A <a@b.org>"]],
    ["from/subject only before other content", "From: A <a@b.org>\nSubject: x y@z.org\n\nFrom: B <b@c.org>\n", true, ["From: A <a@b.org>", "Subject: x y@z.org"]],
    ["wrapped name/address unwrapped", "Reviewed-by: A Very Long Name\n<long@example.org>\n", true, ["Reviewed-by: A Very Long Name <long@example.org>"]],
    ["wrapped Fixes unwrapped", "Fixes: 0123456789ab (\"KVM: foo bar\nbaz\")\n", true, ['Fixes: 0123456789ab ("KVM: foo bar baz")']],
    ["Fixes needs 6 hex digits", "Fixes: abc (short)\nFixes: zzzzzz (nope)\n", false, []],
    ["html junk cleaned", "Reviewed-by: HTML Junker <html-junker@example.com<mailto:html-junker@example.com>>", true, ["Reviewed-by: HTML Junker <html-junker@example.com>"]],
    ["name with parens", "Reviewed-by: Followup Reviewer1 (corporate) <r1@example.com>", true, ["Reviewed-by: Followup Reviewer1 (corporate) <r1@example.com>"]],
    ["name with brackets", "Tested-by: Followup Tester1 [corporate] <t1@example.com>", true, ["Tested-by: Followup Tester1 [corporate] <t1@example.com>"]],
    ["name with comma", "Tested-by: Tester2, Followup <t2@example.com>", true, ["Tested-by: Tester2, Followup <t2@example.com>"]],
    ["bare address", "Cc: bare-address@example.org", false, ["Cc: bare-address@example.org"]],
    ["non-ascii name rejected in followups", "Ackéd-by: A <a@b.org>", true, []],
    ["CRLF", "Acked-by: A <a@b.org>\r\n", true, ["Acked-by: A <a@b.org>"]],
  ])("%s", (_label, body, followup, expected) => {
    expect(pick(body, followup)).toEqual(expected);
  });

  it("extinfo: ' # arm64' and the [for ...] line", () => {
    const ts = findTrailers(
      "Acked-by: Marc Zyngier <maz@kernel.org> # arm64\nAcked-by: Anup Patel <anup@brainfault.org>\n[for the KVM/riscv part]\nnext line\n",
      { followup: true },
    );
    expect(ts).toMatchObject([
      { value: "Marc Zyngier <maz@kernel.org>", extinfo: " # arm64", note: "arm64", lineIndex: 0 },
      { value: "Anup Patel <anup@brainfault.org>", extinfo: "[for the KVM/riscv part]", note: "for the KVM/riscv part", lineIndex: 1 },
    ]);
  });

  it("types and fields", () => {
    const [a, b, c] = findTrailers(
      "Acked-by: \"Bibo Mao\" <maobibo@loongson.cn>\nLink: https://lore.kernel.org/r/abc@x\nSomething-by: nobody",
      { followup: false },
    );
    expect(a).toMatchObject({ name: "Acked-by", kind: "acked-by", type: "person", personName: "Bibo Mao", email: "maobibo@loongson.cn" });
    expect(b).toMatchObject({ kind: "link", type: "utility" });
    expect(c).toMatchObject({ kind: "something-by", type: "unknown" });
  });

  it("lineIndex points into the original body", () => {
    const body = "\n\nOn Mon, X wrote:\n> foo\n\nFor KVM RISC-V:\nAcked-by: Anup Patel <anup@brainfault.org>\n";
    expect(findTrailers(body, { followup: true })[0].lineIndex).toBe(6);
  });

  it("patchew#135: prose starting with a trailer word is not a trailer", () => {
    expect(pick("Reviewed-by when resending, please keep it.\n")).toEqual([]);
  });

  it.each<[string, string, { value: string; extinfo?: string }]>([
    ["hash extinfo", "Acked-by: A <a@b.org>  # for arm64", { value: "A <a@b.org>", extinfo: "  # for arm64" }],
    ["last # wins", "Acked-by: A <a@b.org> # x # y", { value: "A <a@b.org> # x", extinfo: " # y" }],
    ["no space before #", "Link: https://x.org/a@b.c#frag", { value: "https://x.org/a@b.c#frag" }],
    ["trailing # alone", "Acked-by: A <a@b.org> #", { value: "A <a@b.org> #" }],
  ])("extinfo split: %s", (_l, line, want) => {
    const [t] = findTrailers(line, { followup: false });
    expect(t.value).toBe(want.value);
    expect(t.extinfo).toBe(want.extinfo);
  });

  it("very long lines are skipped quickly", () => {
    const long = `X-by: ${"a@b.c ".repeat(50_000)}#x`;
    const t0 = performance.now();
    expect(findTrailers(`${long}\nAcked-by: A <a@b.org>`, { followup: true }).map((t) => t.kind)).toEqual(["acked-by"]);
    expect(performance.now() - t0).toBeLessThan(500);
  });

  it("never throws on junk", () => {
    for (const s of ["", "\n\n", ":", "a:", "x: \n", "-- \n", "[x]", "\u0000\uffff"]) {
      expect(() => findTrailers(s, { followup: true })).not.toThrow();
    }
  });
});

describe("findReplyTrailers", () => {
  it("drops metadata names (b4 badtrailers)", () => {
    expect(findReplyTrailers("Cc: a@b.org\nTo: c@d.org\nAcked-by: A <a@b.org>").map((t) => t.kind)).toEqual(["acked-by"]);
    // Pasted mail headers (ours, beyond b4's list).
    expect(findReplyTrailers("References: <1-x@y.org>\nIn-Reply-To: <2@y.org>\nContent-ID: <3@y.org>").map((t) => t.kind)).toEqual([]);
  });
});

describe("findPatchTrailers", () => {
  it("takes the last paragraph above ---", () => {
    const body = [
      "Subject line text",
      "",
      "Note: this is prose.",
      "",
      "Reviewed-by: R <r@x.org>",
      "Signed-off-by: S <s@x.org>",
      "---",
      " foo.c | 2 +-",
      "Acked-by: not-a-trailer <n@x.org>",
    ].join("\n");
    expect(findPatchTrailers(body).map((t) => [t.kind, t.lineIndex])).toEqual([
      ["reviewed-by", 4],
      ["signed-off-by", 5],
    ]);
  });
});

describe("parsePersonValue", () => {
  it.each<[string, { name: string; email: string; loose?: true } | null]>([
    ["Foo Bar foo@bar.org (for arm64)", { name: "Foo Bar", email: "foo@bar.org", loose: true }],
    ["A B <a@b.org>", { name: "A B", email: "a@b.org" }],
    ['"B, A" <a@b.org>', { name: "B, A", email: "a@b.org" }],
    ["a@b.org", { name: "", email: "a@b.org" }],
    ["<a@b.org>", { name: "", email: "a@b.org" }],
    ["no address", null],
  ])("%j", (v, expected) => expect(parsePersonValue(v)).toEqual(expected));
});

describe("isSameEmail (b4 email_eq)", () => {
  it.each<[string, string, boolean]>([
    ["a@b.org", "A@B.ORG", true],
    ["foo+kernel@example.com", "foo@example.com", true],
    ["foo@linux.intel.com", "foo@intel.com", true],
    ["foo@a.linux.intel.com", "foo@intel.com", false],
    ["foo@intel.com", "bar@intel.com", false],
    ["mismatched-reviewer1@example.net", "mismatched-reviewer1@example.com", false],
  ])("%s ~ %s", (a, b, expected) => expect(isSameEmail(a, b)).toBe(expected));
});

describe("isTrailerFromSender (b4 get_trailers)", () => {
  const t = (s: string) => findTrailers(s, { followup: true })[0];
  it.each<[string, string, { name: string; email: string }, boolean]>([
    ["same address", "Reviewed-by: Bibo Mao <maobibo@loongson.cn>", { name: "maobibo", email: "maobibo@loongson.cn" }, true],
    ["same name, other address", "Reviewed-by: Alex B <alex@work.org>", { name: "alex b", email: "alex@home.org" }, true],
    ["different person", "Reviewed-by: Mismatched Reviewer1 <mismatched-reviewer1@example.net>", { name: "Mismatched Reviewer", email: "mismatched-reviewer1@example.com" }, false],
    ["b4's comma clause always passes", "Acked-by: Someone <s@x.org>", { name: "Doe, John", email: "jd@y.org" }, true],
    ["no From: name -> address is the name", "Acked-by: a@b.org <a@b.org>", { name: "", email: "A@b.org" }, true],
  ])("%s", (_l, line, from, expected) => expect(isTrailerFromSender(t(line), from)).toBe(expected));

  it("non-person trailers are never sender-checked", () => {
    expect(isTrailerFromSender(t("Link: https://lore.kernel.org/r/x@y"), { name: "Z", email: "z@z.org" })).toBe(true);
  });
});

describe("Link equality (b4 _extract_link_msgid)", () => {
  it.each<[string, string | null]>([
    ["https://lore.kernel.org/r/20240726235234.228822-1-seanjc@google.com", "20240726235234.228822-1-seanjc@google.com"],
    ["https://patch.msgid.link/20240726235234.228822-1-seanjc@google.com", "20240726235234.228822-1-seanjc@google.com"],
    ["https://lore.kernel.org/all/ZrFezgVbCI3DRQH3@google.com/", "ZrFezgVbCI3DRQH3@google.com"],
    ["https://example.org/x", null],
  ])("%s", (v, id) => expect(findLinkMessageId(v)).toBe(id));

  it("lore /r/ equals patch.msgid.link", () => {
    const [a, b] = findTrailers(
      "Link: https://lore.kernel.org/r/abc@x.org\nLink: https://patch.msgid.link/abc@x.org",
      { followup: true },
    );
    expect(isSameTrailer(a, b)).toBe(true);
  });
});
