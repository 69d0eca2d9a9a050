import { describe, expect, it } from "vitest";
import { nestThread } from "./tree";

const m = (messageId: string, parentId: string | null, date: string) => ({ messageId, parentId, date });

describe("nestThread", () => {
  it("orders depth-first, oldest first, with levels", () => {
    const out = nestThread("root", [m("b", "root", "2"), m("a", "root", "1"), m("a1", "a", "3"), m("a1x", "a1", "4")]);
    expect(out.map((x) => [x.item.messageId, x.level])).toEqual([["a", 0], ["a1", 1], ["a1x", 2], ["b", 0]]);
  });

  it("puts replies to unknown parents at the top and survives cycles", () => {
    const out = nestThread("root", [m("x", "missing", "1"), m("c1", "c2", "2"), m("c2", "c1", "3")]);
    expect(out.map((x) => x.item.messageId).sort()).toEqual(["c1", "c2", "x"]);
  });
});
