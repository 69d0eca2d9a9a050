// Search over a small hand-made database: the joined facts (arch, patch number, trailers, applied,
// owed), NOT over messages without a patch, the self-healing index sync, snippets and sorting.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Db } from "@/lib/db/sqlite";
import { searchMessages } from "@/lib/db/search";
import { indexMessages, syncSearchIndex } from "@/lib/db/search-index";
import { searchFieldsFor } from "@/lib/search/fields";
import { MARK_CLOSE, MARK_OPEN } from "@/lib/search/snippet";

let dir: string;
let db: Db;

type M = { id: number; mid: string; subject: string; from: string; date: string | null; body: string; kind: string; patchId: number | null };
const MESSAGES: M[] = [
  { id: 1, mid: "p1@x", subject: "[PATCH 1/3] mips: fix tlb", from: "Ann <ann@x.org>", date: "2024-08-01T10:00:00.000Z", body: "Fix the TLB.\n\nSigned-off-by: Ann <ann@x.org>\n---\ndiff --git a/arch/mips/mm/tlb.c b/arch/mips/mm/tlb.c\n--- a/arch/mips/mm/tlb.c\n+++ b/arch/mips/mm/tlb.c\n@@ -1,2 +1,2 @@ void flush_tlb_all(void)\n-old_flush();\n+new_flush();\n", kind: "patch", patchId: 1 },
  { id: 2, mid: "p2@x", subject: "[PATCH 2/3] arm64: tidy", from: "Ann <ann@x.org>", date: "2024-08-01T10:01:00.000Z", body: "Tidy.\n", kind: "patch", patchId: 2 },
  { id: 3, mid: "p3@x", subject: "[PATCH 3/3] x86: tidy", from: "Ann <ann@x.org>", date: "2024-08-01T10:02:00.000Z", body: "Tidy x86.\n", kind: "patch", patchId: 3 },
  { id: 4, mid: "r1@x", subject: "Re: [PATCH 1/3] mips: fix tlb", from: "Bob <bob@y.org>", date: "2024-08-03T09:00:00.000Z", body: "On Thu, Ann wrote:\n> Fix the TLB.\n\nLooks right to me.\n\nAcked-by: Bob <bob@y.org>\n", kind: "reply", patchId: 1 },
  { id: 5, mid: "r2@x", subject: "Re: [PATCH 2/3] arm64: tidy", from: "Cat <cat@z.org>", date: "2024-08-04T09:00:00.000Z", body: "> Acked-by: Someone <s@x>\nWhy the tidy? This is a false positive.\n", kind: "reply", patchId: 2 },
  { id: 6, mid: "loose@x", subject: "unrelated question about tlb", from: "Dan <dan@w.org>", date: null, body: "How does the tlb work?\n", kind: "unknown", patchId: null },
];

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "patchdash-search-facts-"));
  db = openDatabase(path.join(dir, "facts.db"));
  const insMsg = db.prepare(`INSERT INTO "Message" (id, messageId, fromName, fromEmail, date, subject, body, raw, rawSize, kind, source, patchId, seriesId)
    VALUES (?, ?, ?, ?, ?, ?, ?, x'00', 1, ?, 'test', NULL, NULL)`);
  db.transaction(() => {
    for (const m of MESSAGES) {
      const [, name, email] = /^(.*) <(.*)>$/.exec(m.from)!;
      insMsg.run(m.id, m.mid, name, email, m.date, m.subject, m.body, m.kind);
    }
    db.prepare(`INSERT INTO "Series" (id, key, title, topic, revision, total) VALUES (7, 'p1@x', 'tidy things', 'tidy things', 2, 3)`).run();
    const insPatch = db.prepare(`INSERT INTO "Patch" (id, seriesId, number, subject, messageId, appliedTree, appliedCommit) VALUES (?, 7, ?, ?, ?, ?, ?)`);
    insPatch.run(1, 1, "mips: fix tlb", "p1@x", null, null);
    insPatch.run(2, 2, "arm64: tidy", "p2@x", "kvmarm/next", "abc123");
    insPatch.run(3, 3, "x86: tidy", "p3@x", null, null);
    const arch = db.prepare(`INSERT INTO "PatchArch" (patchId, arch, source) VALUES (?, ?, 'path')`);
    arch.run(1, "mips");
    arch.run(2, "arm64");
    arch.run(3, "x86");
    db.prepare(`UPDATE "Message" SET patchId = ?, seriesId = 7 WHERE id = ?`);
    for (const m of MESSAGES) if (m.patchId) db.prepare(`UPDATE "Message" SET patchId = ?, seriesId = 7 WHERE id = ?`).run(m.patchId, m.id);
    db.prepare(`INSERT INTO "Trailer" (patchId, kind, label, name, email, messageId, via) VALUES (1, 'acked-by', 'Acked-by', 'Bob', 'bob@y.org', 'r1@x', 'reply')`).run();
    // An unverified Reviewed-by (written by someone else than the sender) does not make patch 3 acked.
    db.prepare(`INSERT INTO "Trailer" (patchId, kind, label, name, email, messageId, via, verified) VALUES (3, 'reviewed-by', 'Reviewed-by', 'Eve', 'eve@e.org', 'p3@x', 'self', 0)`).run();
    const sec = db.prepare(`INSERT INTO "PatchSection" (patchId, arch, name, role, status) VALUES (?, ?, ?, 'owner', ?)`);
    sec.run(1, "mips", "MIPS", "satisfied");
    sec.run(3, "x86", "X86 ARCHITECTURE", "owed");
    sec.run(3, "x86", "X86 MM", "satisfied");
  })();
  // Index only the first message through the hook; the rest must be picked up by syncSearchIndex.
  const m = MESSAGES[0];
  indexMessages(db, [{ rowid: 1, fields: searchFieldsFor({ subject: m.subject, fromName: "Ann", fromEmail: "ann@x.org", body: m.body, messageId: m.mid, diff: { files: [{ path: "arch/mips/mm/tlb.c", added: 1, removed: 1 }], added: 1, removed: 1, hunkHeaders: ["void flush_tlb_all(void)"], addedText: "new_flush();", removedText: "old_flush();" } }) }]);
});

afterAll(() => {
  db?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const q = (query: string, sort: "relevance" | "date" = "date") =>
  searchMessages(db, query, { sort, page: 1, pageSize: 50, now: new Date("2024-08-05T00:00:00Z") });
const mids = (query: string) => q(query).results.map((r) => r.messageId).sort();

describe("search facts on a hand-made database", () => {
  it("indexes messages stored without the ingest hook (syncSearchIndex)", () => {
    expect(mids("tidy")).toEqual(["p2@x", "p3@x", "r2@x"]);
    expect(syncSearchIndex(db)).toBe(0);
    // Re-indexing is idempotent: one row per message.
    indexMessages(db, [{ rowid: 6, fields: searchFieldsFor({ subject: "unrelated question about tlb", fromName: "Dan", fromEmail: "dan@w.org", body: "How does the tlb work?\n", diff: null, messageId: "loose@x" }) }]);
    expect((db.prepare(`SELECT count(*) AS n FROM "MessageSearch"`).get() as { n: number }).n).toBe(6);
  });

  it.each([
    ["a:mips", ["p1@x", "r1@x"]],
    ["a:arm64 OR a:x86", ["p2@x", "p3@x", "r2@x"]],
    ["p:2..3", ["p2@x", "p3@x", "r2@x"]],
    ["p:1 is:reply", ["r1@x"]],
    ["is:patch", ["p1@x", "p2@x", "p3@x"]],
    ["is:acked", ["p1@x", "r1@x"]],
    ["is:applied", ["p2@x", "r2@x"]],
    ["is:owed", ["p3@x"]],
    ["t:acked-by", ["r1@x"]], // r2 only quotes an Acked-by
    ["t:signed-off-by", ["p1@x"]],
    ["-a:mips", ["loose@x", "p2@x", "p3@x", "r2@x"]], // NOT keeps messages with no patch
    ["tlb -is:patch", ["loose@x", "r1@x"]],
    ["q:tlb", ["r1@x"]],
    ["nq:tlb", ["loose@x", "p1@x"]],
    ["b:\"false positives\"", ["r2@x"]],
    ["dfn:tlb.c", ["p1@x"]],
    ["dfa:old_flush", ["p1@x"]],
    ["dfb:new_flush", ["p1@x"]],
    ["dfhh:flush_tlb_all", ["p1@x"]],
    ["nq:new_flush", []], // the diff is not in the non-quoted body
    ["f:bob", ["r1@x"]],
    ["f:z.org", ["r2@x"]],
    ["d:2024-08-03..", ["r1@x", "r2@x"]],
    ["d:last.week..", ["p1@x", "p2@x", "p3@x", "r1@x", "r2@x"]],
    ["-d:2024-08-01", ["loose@x", "r1@x", "r2@x"]],
    ["m:r2@x", ["r2@x"]],
    ["m:r2@x OR m:r1@x", ["r1@x", "r2@x"]],
    ["tid*", ["p2@x", "p3@x", "r2@x"]],
    ["(mips OR x86) -tlb", ["p3@x"]],
    ["s:tidy f:ann -a:x86", ["p2@x"]],
  ])("%s", (query, expected) => {
    const r = q(query);
    expect(r.error).toBeUndefined();
    expect(r.results.map((x) => x.messageId).sort()).toEqual(expected);
    expect(r.total).toBe(expected.length);
  });

  it("returns patch and series for thread messages, null for a loose one", () => {
    const [r1] = q("m:r1@x").results;
    expect(r1).toMatchObject({ patch: { id: 1, number: 1 }, series: { id: 7, title: "tidy things", revision: 2 }, from: { name: "Bob", email: "bob@y.org" } });
    const [loose] = q("m:loose@x").results;
    expect(loose).toMatchObject({ patch: null, series: null, date: null });
  });

  it("highlights with markers, preferring body text, and falls back to the body start", () => {
    const [r] = q("false positive").results;
    expect(r.snippet).toContain(`${MARK_OPEN}false${MARK_CLOSE} ${MARK_OPEN}positive${MARK_CLOSE}`);
    const [p] = q("dfb:new_flush").results;
    expect(p.snippet).toContain(`${MARK_OPEN}new_flush${MARK_CLOSE}`);
    const [x] = q("is:owed").results;
    expect(x.snippet).toBe("Tidy x86.");
  });

  it("sorts by date (newest first, undated last) or by relevance", () => {
    expect(q("tlb OR tidy", "date").results.map((r) => r.messageId)).toEqual(["r2@x", "r1@x", "p3@x", "p2@x", "p1@x", "loose@x"]);
    const rel = q("tlb", "relevance").results.map((r) => r.messageId);
    expect(rel).toHaveLength(3);
  });

  it("clamps page and pageSize", () => {
    const r = searchMessages(db, "tidy", { sort: "date", page: -3, pageSize: 100000 });
    expect(r.results).toHaveLength(3);
    const r2 = searchMessages(db, "tidy", { sort: "date", page: 2, pageSize: 2 });
    expect(r2.results).toHaveLength(1);
    expect(r2.total).toBe(3);
  });
});
