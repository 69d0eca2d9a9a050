import { describe, expect, it } from "vitest";
import { splitBodyBlocks } from "./blocks";

describe("splitBodyBlocks", () => {
  it("separates quoted runs, own text and the signature", () => {
    const body = "\n\nOn Fri, X wrote:\n> a\n> b\n\nMy answer.\n\n-- \nSig line\n";
    expect(splitBodyBlocks(body)).toEqual([
      { type: "text", text: "On Fri, X wrote:" },
      { type: "quote", text: "> a\n> b", lines: 2 },
      { type: "text", text: "\nMy answer.\n" },
      { type: "signature", text: "-- \nSig line", lines: 2 },
    ]);
  });

  it("keeps a diff whole, including lines that look like quotes or signatures inside hunks", () => {
    const body = "Commit message\n---\ndiff --git a/x.c b/x.c\n--- a/x.c\n+++ b/x.c\n@@ -1,2 +1,2 @@\n-old\n+new\n>not a quote\n-- \n2.46.0\n";
    const blocks = splitBodyBlocks(body);
    expect(blocks.map((b) => b.type)).toEqual(["text", "diff", "signature"]);
    expect(blocks[1].text).toContain(">not a quote");
  });
});
