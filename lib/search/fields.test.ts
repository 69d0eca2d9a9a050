import { describe, expect, it } from "vitest";
import { findTrailerKinds, searchFieldsFor, splitQuotes, stripDiff } from "./fields";
import { splitSnippet, hrefForMessage } from "./snippet";
import { parseSearchParams, searchHref } from "./params";
import { buildSearchAtom, escapeXml } from "./atom";

const base = { subject: "s", fromName: "Ann", fromEmail: "ann@x.org", messageId: "<id@x>", diff: null };

describe("splitQuotes (public-inbox split_quotes)", () => {
  it("puts ^> runs in quoted, the rest in non-quoted, stripping the markers", () => {
    const { nonQuoted, quoted } = splitQuotes("On Mon, Ann wrote:\n> > deep\n> shallow\n\nMy reply.\r\n>tight\n");
    expect(quoted).toEqual(["deep", "shallow", "tight"]);
    expect(nonQuoted).toEqual(["On Mon, Ann wrote:", "", "My reply.", ""]);
  });
});

describe("stripDiff", () => {
  it.each([
    [
      "patch: commit message kept, diff dropped, signature kept",
      "Fix it.\n\nSigned-off-by: A <a@x>\n---\n arch/mips/kvm/mmu.c | 2 +-\n\ndiff --git a/arch/mips/kvm/mmu.c b/arch/mips/kvm/mmu.c\nindex 1..2 100644\n--- a/arch/mips/kvm/mmu.c\n+++ b/arch/mips/kvm/mmu.c\n@@ -1,3 +1,3 @@ static int f(void)\n ctx\n-old\n+new\n-- \n2.46.0",
      "Fix it.\n\nSigned-off-by: A <a@x>\n---\n arch/mips/kvm/mmu.c | 2 +-\n\n-- \n2.46.0",
    ],
    [
      "reply with an inline diff, then prose",
      "Something like:\n\n--- a/f.c\n+++ b/f.c\n@@ -1 +1 @@\n-a\n+b\n\nThoughts?",
      "Something like:\n\nThoughts?",
    ],
    ["a lone --- line is not a diff", "text\n---\nmore", "text\n---\nmore"],
  ])("%s", (_name, body, expected) => expect(stripDiff(body.split("\n")).join("\n")).toBe(expected));
});

describe("findTrailerKinds", () => {
  it("finds non-quoted trailer kinds, squashed, once each", () => {
    expect(
      findTrailerKinds(["Reviewed-by: Bibo Mao <maobibo@loongson.cn>", "Acked-by: X <x@y>", "reviewed-by: again", "Fixes: 123abc (\"x\")", "Not-a-trailer here", "Cc: stable@vger.kernel.org", "Co-developed-by: Z <z@z>", "Reviewed-by:"]),
    ).toEqual(["reviewedby", "ackedby", "fixes", "cc", "codevelopedby"]);
  });
});

describe("searchFieldsFor", () => {
  it("splits body, takes diff parts from DiffInfo, trailer kinds from non-quoted text only", () => {
    const f = searchFieldsFor({
      ...base,
      body: "> Acked-by: Q <q@x>\nLooks good.\nReviewed-by: Ann <ann@x.org>\n\ndiff --git a/a.c b/a.c\n--- a/a.c\n+++ b/a.c\n@@ -1 +1 @@ int main(void)\n-x\n+y\n",
      diff: {
        files: [{ path: "b.c", oldPath: "a.c", added: 1, removed: 1 }],
        added: 1,
        removed: 1,
        hunkHeaders: ["int main(void)"],
        addedText: "y",
        removedText: "x",
      },
    });
    expect(f).toEqual({
      subject: "s",
      fromName: "Ann",
      fromEmail: "ann@x.org",
      mid: "id@x",
      nq: "Looks good.\nReviewed-by: Ann <ann@x.org>",
      q: "Acked-by: Q <q@x>",
      dfn: "a.c\nb.c",
      dfa: "x",
      dfb: "y",
      dfhh: "int main(void)",
      tk: "reviewedby",
    });
  });

  it("keeps diff-looking text in nq when the parser found no diff", () => {
    expect(searchFieldsFor({ ...base, body: "--- a/x\n+++ b/x\n+foo" }).nq).toBe("--- a/x\n+++ b/x\n+foo");
  });

  it("removes control characters, so the \\u0001/\\u0002 snippet markers cannot come from mail", () => {
    const f = searchFieldsFor({ ...base, subject: "a\u0001b\u0002c", body: "x\u0001y\u0000z\ttab" });
    expect(f.subject).toBe("a b c");
    expect(f.nq).toBe("x y z\ttab");
  });
});

describe("snippet, links, params, atom", () => {
  it("splitSnippet", () => {
    expect(splitSnippet("…a \u0001false positive\u0002 b \u0001x\u0002")).toEqual([
      { text: "…a ", hit: false },
      { text: "false positive", hit: true },
      { text: " b ", hit: false },
      { text: "x", hit: true },
    ]);
    expect(splitSnippet("<b>&amp;</b>")).toEqual([{ text: "<b>&amp;</b>", hit: false }]);
    expect(splitSnippet("\u0002stray\u0001")).toEqual([{ text: "stray", hit: false }]);
  });

  it("hrefForMessage", () => {
    expect(hrefForMessage("ZrFezgVbCI3DRQH3@google.com", 64)).toBe("/patch/64#m-ZrFezgVbCI3DRQH3%40google.com");
    expect(hrefForMessage("a/b#c@x", null)).toBe("/message/a%2Fb%23c%40x");
  });

  it("parseSearchParams clamps and defaults", () => {
    expect(parseSearchParams(new URLSearchParams("q=kvm&sort=date&page=3&n=50"))).toEqual({ q: "kvm", sort: "date", page: 3, pageSize: 50 });
    expect(parseSearchParams({ q: ["a", "b"], sort: "weird", page: "-1", n: "100000" })).toEqual({ q: "a", sort: "relevance", page: 1, pageSize: 100 });
    expect(parseSearchParams({})).toEqual({ q: "", sort: "relevance", page: 1, pageSize: 20 });
    expect(searchHref({ q: "a b", sort: "date", page: 2 })).toBe("/search?q=a+b&sort=date&page=2");
  });

  it("buildSearchAtom escapes everything and strips markers", () => {
    const xml = buildSearchAtom({
      query: 'x<"&',
      origin: "http://h",
      results: [
        { messageId: "a&b@x", subject: "<script>", from: { name: "", email: "e@x" }, date: "2024-08-01T00:00:00.000Z", patch: null, series: null, snippet: "\u0001hit\u0002 & more" },
      ],
    });
    expect(xml).toContain("<title>patchdash search: x&lt;&quot;&amp;</title>");
    expect(xml).toContain("<title>&lt;script&gt;</title>");
    expect(xml).toContain("<summary type=\"text\">hit &amp; more</summary>");
    expect(xml).toContain('href="http://h/message/a%26b%40x"');
    expect(xml).toContain("<updated>2024-08-01T00:00:00.000Z</updated>");
    expect(escapeXml("\u0001a")).toBe("a");
  });
});
