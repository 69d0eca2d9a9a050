import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { collectTrailers } from "../../lib/review/collect";
import { corpusPath } from "./corpus";
import { loadThread } from "./load-thread";

// b4 parity: for each b4 sample thread with an expected output (b4's own fixtures, corpus/b4), the
// trailers each patch ends up with equal b4's. Expected trailers are read out of b4's output files
// by a small independent reader below (last paragraph above the diff/"---"), never from our code.
// Deliberate differences are listed in tests/golden/README.md.

/** b4's test identity: "add own Signed-off-by" options append it; it is not a collected trailer. */
const B4_TEST_SOB = "Signed-off-by: Test Override <test-override@example.com>";

const TRAILER_LINE = /^([A-Za-z][\w-]*):\s+(\S.*)$/;

/** Trailer lines of a commit message: its last paragraph, above the diff / "---". */
function expectedTrailers(message: string): string[] {
  const cut = message.split(/^(?:---$|diff |--- a\/)/m)[0].trim();
  const paras = cut.split(/\n\s*\n/);
  const last = paras[paras.length - 1].split("\n");
  return last.filter((l) => TRAILER_LINE.test(l) && l !== B4_TEST_SOB);
}

/** `*-ref-*.txt`: an am-ready mbox; patches keyed by Message-Id. */
function readRef(file: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const msg of readFileSync(corpusPath("b4", file), "utf8").split(/^From git@z .*$/m)) {
    const id = /^Message-Id:\s*<([^>]+)>/im.exec(msg)?.[1];
    if (!id) continue;
    const body = msg.slice(msg.search(/\n\n/) + 2);
    out.set(id, expectedTrailers(body));
  }
  return out;
}

/** `trailers-thread-*.verify`: `git log --format=%ae%n%s%n%b---`; patches keyed by subject. */
function readVerify(file: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const chunk of readFileSync(corpusPath("b4", file), "utf8").split(/^---$/m)) {
    const lines = chunk.replace(/^\n+/, "").split("\n");
    if (lines.length < 2 || !lines[1]) continue;
    out.set(lines[1], expectedTrailers(lines.slice(2).join("\n")));
  }
  return out;
}

type Mode = "verified" | "sloppy" | "self";

async function ourTrailers(mbox: string, mode: Mode) {
  const { messages } = await loadThread(corpusPath("b4", mbox));
  const r = collectTrailers(messages);
  const byId = new Map<string, string[]>();
  const bySubject = new Map<string, string[]>();
  for (const m of messages) {
    const list = r.byPatch[m.messageId];
    if (!list) continue;
    const keep = list.filter((t) => (mode === "self" ? t.via === "self" : mode === "sloppy" ? true : t.verified));
    const lines = keep.map((t) => `${t.label}: ${t.value}`);
    byId.set(m.messageId, lines);
    bySubject.set(m.subjectInfo.title, lines);
  }
  return { byId, bySubject };
}

// [mbox, expected file, mode]; options per corpus/README.md "b4 sample options".
const REF_CASES: [string, string, Mode][] = [
  ["trailers-followup-single.mbox", "trailers-followup-single-ref-defaults.txt", "verified"],
  ["trailers-followup-single.mbox", "trailers-followup-single-ref-addmysob.txt", "verified"],
  ["trailers-followup-single.mbox", "trailers-followup-single-ref-noadd.txt", "self"],
  ["trailers-followup-single.mbox", "trailers-followup-single-ref-sloppy.txt", "sloppy"],
  ["trailers-followup-with-cover.mbox", "trailers-followup-with-cover-ref-defaults.txt", "verified"],
  ["trailers-followup-partial-reroll.mbox", "trailers-followup-partial-reroll-ref-defaults.txt", "verified"],
  ["trailers-followup-nore.mbox", "trailers-followup-nore-ref-defaults.txt", "verified"],
  ["trailers-followup-non-git-patch.mbox", "trailers-followup-non-git-patch-ref-defaults.txt", "verified"],
  ["trailers-followup-non-git-patch-with-comments.mbox", "trailers-followup-non-git-patch-with-comments-ref-defaults.txt", "verified"],
  ["trailers-followup-with-diffstat.mbox", "trailers-followup-with-diffstat-ref-defaults.txt", "verified"],
  ["trailers-followup-name-parens.mbox", "trailers-followup-name-parens-ref-defaults.txt", "verified"],
  ["trailers-followup-bare-address.mbox", "trailers-followup-bare-address-ref-defaults.txt", "verified"],
  ["trailers-followup-stripped-lines.mbox", "trailers-followup-stripped-lines-ref-defaults.txt", "verified"],
  ["trailers-followup-htmljunk.mbox", "trailers-followup-htmljunk-ref-defaults.txt", "verified"],
];

/**
 * Deliberate differences (tests/golden/README.md): trailers b4 outputs that we do not, per file and
 * patch. with-cover: the same address acks patch 2 twice, once as "Followup Reviewer1" (reply to
 * the patch) and once as "Coverletter Reviewer1" (reply to the cover). b4 dedups by (name, value)
 * and keeps both lines; we dedup by (kind, email): one person, one Reviewed-by.
 */
const DIFFERENCES: Record<string, Record<string, string[]>> = {
  "trailers-followup-with-cover-ref-defaults.txt": {
    "patch-2-message@example.com": ["Reviewed-by: Coverletter Reviewer1 <followup-reviewer1@example.com>"],
  },
};

describe("b4 parity: trailers-followup-*-ref-*.txt", () => {
  it.each(REF_CASES)("%s -> %s", async (mbox, ref, mode) => {
    const want = readRef(ref);
    expect(want.size).toBeGreaterThan(0);
    const { byId } = await ourTrailers(mbox, mode);
    for (const [id, trailers] of want) {
      const skip = new Set(DIFFERENCES[ref]?.[id] ?? []);
      for (const s of skip) expect(trailers).toContain(s); // the difference is still real
      const expected = trailers.filter((t) => !skip.has(t)).sort();
      expect({ id, trailers: [...(byId.get(id) ?? ["<patch not found>"])].sort() }).toEqual({ id, trailers: expected });
    }
  });
});

describe("b4 parity: trailers-thread-*.verify", () => {
  it.each([
    ["trailers-thread-with-followups.mbox", "trailers-thread-with-followups.verify"],
    ["trailers-thread-with-cover-followup.mbox", "trailers-thread-with-cover-followup.verify"],
  ])("%s -> %s", async (mbox, verify) => {
    const want = readVerify(verify);
    expect(want.size).toBe(4);
    const { bySubject } = await ourTrailers(mbox, "verified");
    for (const [subject, trailers] of want) {
      expect({ subject, trailers: [...(bySubject.get(subject) ?? ["<patch not found>"])].sort() }).toEqual({ subject, trailers: [...trailers].sort() });
    }
  });
});

describe("b4 sample: mismatched sender", () => {
  it("name-parens: the mismatched Reviewed-by is kept unverified, not counted", async () => {
    const { messages } = await loadThread(corpusPath("b4", "trailers-followup-name-parens.mbox"));
    const r = collectTrailers(messages);
    const t = r.byPatch["orig-message@example.com"].find((x) => x.email === "mismatched-reviewer1@example.net");
    expect(t).toMatchObject({ verified: false, via: "reply", messageId: "fwup-message-3@example.com" });
  });
});

// The real KVM threads through b4 itself (fixtures/b4-0.12-followup-trailers.json, written by
// b4 0.12.0; see tests/golden/README.md): the follow-up and cover-letter trailers b4 collects for
// each patch equal ours (verified, via reply or cover).
describe("b4 parity on the real v12/v13 threads (b4 0.12 output)", () => {
  type B4Out = { threads: Record<string, { mismatches: string[][]; patches: Record<string, [string, string][]> }> };
  const fixture = JSON.parse(readFileSync(path.join(__dirname, "fixtures/b4-0.12-followup-trailers.json"), "utf8")) as B4Out;
  it.each(Object.keys(fixture.threads))("%s", async (thread) => {
    const b4out = fixture.threads[thread];
    const { messages } = await loadThread(corpusPath(thread));
    const r = collectTrailers(messages);
    expect(Object.keys(r.byPatch).sort()).toEqual(Object.keys(b4out.patches).sort());
    for (const [id, trailers] of Object.entries(b4out.patches)) {
      const want = [...new Set(trailers.map(([n, v]) => `${n}: ${v}`))].sort();
      const got = r.byPatch[id].filter((t) => t.via !== "self" && t.verified).map((t) => `${t.label}: ${t.value}`).sort();
      expect({ id, got }).toEqual({ id, got: want });
    }
    // b4 reported no from/email mismatches; neither do we.
    expect(b4out.mismatches).toEqual([]);
    expect(Object.values(r.byPatch).flat().filter((t) => !t.verified)).toEqual([]);
  });
});
