import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { corpusPath, V12_MBOX } from "../../tests/corpus";
import { MboxSplitter, splitMbox, unescapeFromLines } from "./mbox";

describe("splitMbox", () => {
  it("splits the real v12 thread into its 150 messages", () => {
    const msgs = splitMbox(readFileSync(V12_MBOX));
    expect(msgs).toHaveLength(150);
    for (const m of msgs) expect(m.subarray(0, 5).toString()).not.toBe("From ");
  });

  it("gives the same messages when fed in small chunks (streaming)", () => {
    const buf = readFileSync(V12_MBOX);
    const whole = splitMbox(buf);
    const s = new MboxSplitter();
    const parts: Buffer[] = [];
    for (let i = 0; i < buf.length; i += 7919) parts.push(...s.push(buf.subarray(i, i + 7919)));
    parts.push(...s.end());
    expect(parts.map((b) => b.toString("latin1"))).toEqual(whole.map((b) => b.toString("latin1")));
  });

  it("reads a bare RFC-822 file without a From line as one message", () => {
    const buf = readFileSync(corpusPath("patchwork/mail/0016-no-subject.mbox"));
    expect(buf.subarray(0, 5).toString()).not.toBe("From ");
    expect(splitMbox(buf)).toHaveLength(1);
  });

  it("unescapes mboxrd >From lines by exactly one level", () => {
    const mbox = Buffer.from("From a@b Thu Jan  1 00:00:00 1970\nSubject: x\n\n>From here\n>>From there\n> From quoted\n\nFrom c@d Thu Jan  1 00:00:00 1970\nSubject: y\n\nbody\n");
    const [first, second] = splitMbox(mbox);
    expect(first.toString()).toBe("Subject: x\n\nFrom here\n>From there\n> From quoted\n");
    expect(second.toString()).toBe("Subject: y\n\nbody\n");
  });

  it("keeps 8-bit bytes intact", () => {
    const raw = Buffer.concat([Buffer.from("From x Mon Jan 1 00:00:00 2024\nSubject: 8bit\n\n"), Buffer.from([0xe9, 0xff, 0x0a])]);
    expect([...splitMbox(raw)[0].subarray(-3)]).toEqual([0xe9, 0xff, 0x0a]);
    expect(unescapeFromLines(Buffer.from([0x3e, 0x46, 0x72, 0x6f, 0x6d, 0x20, 0xff]))).toEqual(Buffer.from([0x46, 0x72, 0x6f, 0x6d, 0x20, 0xff]));
  });
});
