import { describe, expect, it } from "vitest";
import { findSectionEmail, matchSectionsForPath, parseMaintainers, sectionsForPaths } from "./maintainers";
import { findPatchSections } from "./status";

const TEXT = `
Descriptions of section entries and preferred order
	M: *Mail* patches to: FullName <address@domain>

ARCH
M:	Arch Maint <arch@example.org>
S:	Maintained
F:	arch/foo/
X:	arch/foo/secret/
N:	foo

KVM FOR FOO (KVM/foo)
M:	Kvm Maint <kvm@example.org>
R:	Kvm Rev <rev@example.org>
L:	kvm@example.org
S:	Supported
F:	arch/foo/kvm/
F:	arch/foo/include/asm/kvm*

ONE LEVEL
M:	One <one@example.org>
F:	drivers/one/*
F:	drivers/tw?/x.c

NO SLASH DIR
M:	Dir <dir@example.org>
F:	lib/dirname

THE REST
M:	Linus <torvalds@example.org>
F:	*
F:	*/
`;

const sections = parseMaintainers(TEXT);
const ranked = (p: string) => matchSectionsForPath(sections, p).map((m) => `${m.depth} ${m.section.title}`);

describe("parseMaintainers", () => {
  it("titles and fields", () => {
    expect(sections.map((s) => s.title)).toEqual(["ARCH", "KVM FOR FOO (KVM/foo)", "ONE LEVEL", "NO SLASH DIR", "THE REST"]);
    expect(sections[1]).toMatchObject({ maintainers: ["Kvm Maint <kvm@example.org>"], reviewers: ["Kvm Rev <rev@example.org>"], lists: ["kvm@example.org"], status: "Supported" });
    expect(sections[0]).toMatchObject({ excludes: ["arch/foo/secret/"], regexes: ["foo"] });
  });
  it("never throws", () => {
    for (const s of ["", "X:", "M: a\nF: [", "TITLE\nF:\t(unclosed"]) expect(() => ranked.call(null, "a") && parseMaintainers(s)).not.toThrow();
  });
});

describe("matchSectionsForPath (get_maintainer rules)", () => {
  it.each<[string, string[]]>([
    // N: foo comes after F: arch/foo/ in ARCH, so the last matching line (N, depth 0) wins.
    ["arch/foo/kvm/mmu.c", ["3 KVM FOR FOO (KVM/foo)", "0 ARCH", "-1 THE REST"]],
    ["arch/foo/include/asm/kvm_host.h", ["5 KVM FOR FOO (KVM/foo)", "0 ARCH", "-1 THE REST"]],
    ["arch/foo/secret/x.c", ["-1 THE REST"]], // X: excludes ARCH entirely
    ["drivers/one/a.c", ["3 ONE LEVEL", "-1 THE REST"]],
    ["drivers/one/sub/a.c", ["-1 THE REST"]], // dir/* is one level deep
    ["drivers/two/x.c", ["3 ONE LEVEL", "-1 THE REST"]], // ? glob
    ["lib/dirname/a.c", ["2 NO SLASH DIR", "-1 THE REST"]], // a directory named without "/"
    // Unanchored end, same slash count: get_maintainer matches this when lib/dirname is a file in the
    // tree, not when it is a directory; without the tree we take the file reading.
    ["lib/dirnameX", ["2 NO SLASH DIR", "-1 THE REST"]],
    ["Makefile", ["-1 THE REST"]],
    ["tools/foo.c", ["0 ARCH", "-1 THE REST"]], // N: is searched anywhere in the path
  ])("%s", (p, want) => expect(ranked(p)).toEqual(want));
});

describe("sectionsForPaths", () => {
  it("owners are the deepest per file, cc the rest", () => {
    const r = sectionsForPaths(sections, ["arch/foo/kvm/mmu.c", "drivers/one/a.c"]);
    expect(r.owners.map((s) => s.title)).toEqual(["KVM FOR FOO (KVM/foo)", "ONE LEVEL"]);
    expect(r.cc.map((s) => s.title)).toEqual(["ARCH", "THE REST"]);
  });
  it("empty input", () => expect(sectionsForPaths(sections, [])).toEqual({ owners: [], cc: [] }));
});

describe("findSectionEmail", () => {
  it.each([
    ["Anup Patel <anup@brainfault.org>", "anup@brainfault.org"],
    ["bare@x.org", "bare@x.org"],
    ["nobody", null],
  ])("%s", (p, e) => expect(findSectionEmail(p)).toBe(e));
});

// Who owes an ack, on this file's sections (the rules themselves: lib/review/status.ts).
describe("findPatchSections on MAINTAINERS-shaped sections", () => {
  const t = (kind: string, email: string, verified = true) => ({ kind, name: "", email, verified, messageId: "m@x" });
  const foo = { files: ["arch/foo/kvm/mmu.c"], authorEmail: "someone@else.org", applied: null };
  const owners = (patch: Parameters<typeof findPatchSections>[0]) =>
    findPatchSections(patch, sections).filter((r) => r.role === "owner").map((r) => [r.name, r.status]);
  it.each<[string, Parameters<typeof findPatchSections>[0], [string, string][]]>([
    ["nothing yet", { ...foo, trailers: [] }, [["KVM FOR FOO (KVM/foo)", "owed"]]],
    ["maintainer acked (address case ignored)", { ...foo, trailers: [t("acked-by", "KVM@example.org")] }, [["KVM FOR FOO (KVM/foo)", "satisfied"]]],
    ["unverified does not count", { ...foo, trailers: [t("acked-by", "kvm@example.org", false)] }, [["KVM FOR FOO (KVM/foo)", "owed"]]],
    ["tested-by does not count", { ...foo, trailers: [t("tested-by", "kvm@example.org")] }, [["KVM FOR FOO (KVM/foo)", "owed"]]],
    ["an R: reviewer's review counts", { ...foo, trailers: [t("reviewed-by", "rev@example.org")] }, [["KVM FOR FOO (KVM/foo)", "satisfied"]]],
    ["author who maintains", { ...foo, trailers: [], authorEmail: "kvm@example.org" }, [["KVM FOR FOO (KVM/foo)", "author"]]],
  ])("%s", (_l, patch, want) => expect(owners(patch)).toEqual(want));

  it("lists broader sections as cc, and THE REST never owes", () => {
    const rows = findPatchSections({ ...foo, trailers: [] }, sections);
    expect(rows.filter((r) => r.role === "cc").map((r) => r.name)).toContain("ARCH");
    expect(rows.filter((r) => r.status === "owed").map((r) => r.name)).toEqual(["KVM FOR FOO (KVM/foo)"]);
  });
});

