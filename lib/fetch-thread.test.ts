import { describe, expect, it } from "vitest";
import { isThreadUrl, threadMboxUrl } from "./fetch-thread";

describe("threadMboxUrl", () => {
  it.each([
    ["https://lore.kernel.org/all/20240726235234.228822-1-seanjc@google.com/", "https://lore.kernel.org/all/20240726235234.228822-1-seanjc@google.com/t.mbox.gz"],
    ["https://lore.kernel.org/kvm/ZrFezgVbCI3DRQH3@google.com/T/#u", "https://lore.kernel.org/kvm/ZrFezgVbCI3DRQH3@google.com/t.mbox.gz"],
    ["https://lore.kernel.org/all/x@y/t.mbox.gz", "https://lore.kernel.org/all/x@y/t.mbox.gz"],
    ["https://lore.kernel.org/r/x@y", "https://lore.kernel.org/r/x@y/t.mbox.gz"],
  ])("%s -> %s", (input, expected) => expect(threadMboxUrl(input)).toBe(expected));

  it("tells URLs from paths", () => {
    expect(isThreadUrl("https://lore.kernel.org/all/x@y/")).toBe(true);
    expect(isThreadUrl("data/v12-thread.linux-mips.mbox")).toBe(false);
  });
});
