import { describe, expect, it } from "vitest";
import { findInReplyTo, findReferences } from "./references";

describe("findInReplyTo", () => {
  it("takes the first <id> and ignores a Gnus comment after it (Alex Bennée's replies in v12)", () => {
    expect(findInReplyTo(`<ZrTFPhy0e1fFb9vA@google.com> (Sean Christopherson's message of "Thu, 8 Aug 2024 06:21:02 -0700")`)).toBe("ZrTFPhy0e1fFb9vA@google.com");
  });
  it.each([
    [undefined, null],
    ["", null],
    ["<a@b>", "a@b"],
    ["a@b", "a@b"],
    ["<" + "x".repeat(600) + "@y>", null],
  ])("findInReplyTo(%j) = %j", (v, expected) => expect(findInReplyTo(v)).toBe(expected));
});

describe("findReferences", () => {
  it("keeps order, drops duplicates and brackets", () => {
    expect(findReferences("<a@x> <b@x>\n <a@x> <c@x>")).toEqual(["a@x", "b@x", "c@x"]);
  });
});
