import { describe, expect, it } from "vitest";
import { tokenizeC } from "./highlight";

describe("tokenizeC", () => {
  it("marks keywords, types, strings, numbers and comments, and keeps every character", () => {
    const line = '\tif (writable && !(prot_bits & 0x2)) return kvm_set_pfn_dirty(pfn); /* see "x" */';
    const tokens = tokenizeC(line);
    expect(tokens.map((t) => t.text).join("")).toBe(line);
    expect(tokens.filter((t) => t.kind === "keyword").map((t) => t.text)).toEqual(["if", "return"]);
    expect(tokens.find((t) => t.kind === "number")?.text).toBe("0x2");
    expect(tokens.find((t) => t.kind === "comment")?.text).toBe('/* see "x" */');
  });

  it.each([
    ['printk("unterminated', "string"],
    ["#include <linux/kvm_host.h>", "preproc"],
    ["// a comment", "comment"],
    ["u64 gfn;", "type"],
  ])("%s has a %s token", (line, kind) => {
    const tokens = tokenizeC(line);
    expect(tokens.map((t) => t.text).join("")).toBe(line);
    expect(tokens.some((t) => t.kind === kind)).toBe(true);
  });
});
