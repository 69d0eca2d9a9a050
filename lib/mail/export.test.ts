import { describe, expect, it } from "vitest";
import { addTrailersToBody, encodeHeaderWord, formatPatchMbox } from "./export";

describe("addTrailersToBody", () => {
  const body = "Subject line body.\n\nSigned-off-by: A <a@x>\n---\n x.c | 1 +\n";
  it("appends new trailers after the existing block, above ---, without repeats", () => {
    expect(addTrailersToBody(body, ["Reviewed-by: B <b@x>", "Signed-off-by: A <a@x>"])).toBe(
      "Subject line body.\n\nSigned-off-by: A <a@x>\nReviewed-by: B <b@x>\n---\n x.c | 1 +\n",
    );
  });
  it("starts a trailer block when the message has none", () => {
    expect(addTrailersToBody("Text.\n---\ndiff", ["Acked-by: C <c@x>"])).toBe("Text.\n\nAcked-by: C <c@x>\n---\ndiff");
  });
});

describe("formatPatchMbox", () => {
  it("writes an mboxrd entry with encoded non-ASCII headers and escaped From lines", () => {
    const out = formatPatchMbox(
      { messageId: "id@x", fromName: "Alex Bennée", fromEmail: "alex@x", date: "2024-08-01T00:00:00.000Z", subject: "[PATCH 1/1] foo", body: "From here on\nbody\n---\ndiff" },
      [],
    );
    expect(out.split("\n")[0]).toBe("From mboxrd@z Thu Jan  1 00:00:00 1970");
    expect(out).toContain(`From: ${encodeHeaderWord("Alex Bennée")} <alex@x>`);
    expect(out).toContain("\n>From here on\n");
    expect(encodeHeaderWord("plain")).toBe("plain");
  });
});
