// Integration: the real v12 thread (150 messages, linux-mips copy of lore) through the real ingester
// into a temp SQLite file, then searched. Expected ids were read from the mail by hand.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Db } from "@/lib/db/sqlite";
import { ingestPaths } from "@/lib/ingest";
import { indexStoredMessages } from "@/lib/db/search-index";
import { searchMessages, type SearchOutcome } from "@/lib/db/search";
import { BENCH_QUERIES, BENCH_REQUESTS } from "@/lib/search/bench-queries";
import { MARK_CLOSE, MARK_OPEN } from "@/lib/search/snippet";

const MBOX = "/work/shared/corpus/lore-v12/v12-thread.linux-mips.mbox";
let dir: string;
let db: Db;

function search(q: string, sort: "relevance" | "date" = "relevance", page = 1, pageSize = 100): SearchOutcome {
  return searchMessages(db, q, { sort, page, pageSize });
}
const ids = (r: SearchOutcome) => r.results.map((x) => x.messageId);

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "patchdash-search-"));
  db = openDatabase(path.join(dir, "v12.db"));
  const summary = await ingestPaths([MBOX], { db, onStored: indexStoredMessages });
  expect(summary.new).toBe(150);
});

afterAll(() => {
  db?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("search on the v12 thread", () => {
  it("indexes every stored message under its Message.id", () => {
    const n = db.prepare(`SELECT count(*) AS n FROM "MessageSearch" s JOIN "Message" m ON m.id = s.rowid`).get() as { n: number };
    expect(n.n).toBe(150);
  });

  it('"false positives" f:seanjc finds Sean\'s reply ZrFezgVbCI3DRQH3 (stemmed, like lore)', () => {
    const r = search('"false positives" f:seanjc');
    expect(r.error).toBeUndefined();
    expect(ids(r)).toContain("ZrFezgVbCI3DRQH3@google.com");
    for (const x of r.results) expect(x.from.email).toBe("seanjc@google.com");
    const hit = r.results.find((x) => x.messageId === "ZrFezgVbCI3DRQH3@google.com")!;
    expect(hit.subject).toMatch(/^Re: \[PATCH v12 64\/84\] KVM: LoongArch/);
    expect(hit.patch?.number).toBe(64);
    expect(hit.series).toMatchObject({ revision: 12 });
    // The phrase is in the non-quoted body (folded over a line in the mail): highlighted there.
    expect(hit.snippet).toContain(`${MARK_OPEN}false positive${MARK_CLOSE}`);
  });

  it("a:loongarch t:reviewed-by finds Bibo Mao's reviews, and only reviews on LoongArch patches", () => {
    const r = search("a:loongarch t:reviewed-by");
    expect(r.error).toBeUndefined();
    expect(r.total).toBeGreaterThanOrEqual(3);
    const bibo = r.results.filter((x) => x.from.email === "maobibo@loongson.cn");
    expect(bibo.map((x) => x.patch?.number).sort()).toEqual([64, 65, 66]);
    for (const x of r.results) expect(x.patch).not.toBeNull();
  });

  it("dfn:arch/mips/kvm/mmu.c finds patches 68-71", () => {
    const r = search("dfn:arch/mips/kvm/mmu.c", "date");
    const patches = r.results.filter((x) => x.messageId.endsWith("seanjc@google.com") && /^\[PATCH/.test(x.subject));
    expect(patches.map((x) => x.patch?.number).sort()).toEqual([68, 69, 70, 71]);
    expect(r.results.every((x) => x.snippet.includes(`${MARK_OPEN}arch/mips/kvm/mmu.c${MARK_CLOSE}`) || x.snippet.includes(MARK_OPEN))).toBe(true);
  });

  it("is: facts join the derived tables: acked LoongArch patches are 64-66 (Bibo Mao's Reviewed-by)", () => {
    const nums = (q: string) => [...new Set(search(q).results.map((x) => x.patch?.number))].sort((a, b) => a! - b!);
    expect(nums("a:loongarch is:patch")).toEqual([64, 65, 66, 67]);
    expect(nums("is:acked a:loongarch is:patch")).toEqual([64, 65, 66]);
    expect(nums("a:loongarch is:patch -is:acked")).toEqual([67]);
    const owed = search("is:owed is:patch");
    expect(owed.total).toBeGreaterThan(0);
    for (const x of owed.results) expect(x.patch).not.toBeNull();
    expect(search("is:cover").results.map((x) => x.messageId)).toEqual(["20240726235234.228822-1-seanjc@google.com"]);
  });

  it("m: finds exactly one message; s: and is:patch narrow to patch mails", () => {
    expect(ids(search("m:<ZrFezgVbCI3DRQH3@google.com>"))).toEqual(["ZrFezgVbCI3DRQH3@google.com"]);
    const r = search("s:mips is:patch");
    expect(r.total).toBeGreaterThan(0);
    for (const x of r.results) expect(x.subject).toMatch(/^\[PATCH v12 \d+\/84\].*MIPS/);
  });

  it("p: and NOT: reviews of patch 64 that are not Sean's", () => {
    const r = search("p:64 -f:seanjc");
    expect(r.total).toBeGreaterThan(0);
    for (const x of r.results) {
      expect(x.patch?.number).toBe(64);
      expect(x.from.email).not.toBe("seanjc@google.com");
    }
  });

  it("d: ranges bound by day, date sort is newest first", () => {
    const all = search("kvm", "date", 1, 100).total;
    const aug = search("kvm d:2024-08-01..2024-08-31", "date", 1, 100);
    expect(aug.total).toBeGreaterThan(0);
    expect(aug.total).toBeLessThan(all);
    for (const x of aug.results) expect(x.date! >= "2024-08-01" && x.date! < "2024-09-01").toBe(true);
    const dates = aug.results.map((x) => x.date!);
    expect([...dates].sort().reverse()).toEqual(dates);
    // The series went out on 2024-07-26 16:51 -0700 (23:51 UTC): the end day is inclusive.
    expect(search("d:..2024-07-25").total).toBe(0);
    expect(search("d:..2024-07-26").total).toBeGreaterThan(0);
  });

  it("paginates without overlap and reports the same total", () => {
    const p1 = search("kvm", "date", 1, 10);
    const p2 = search("kvm", "date", 2, 10);
    expect(p1.total).toBe(p2.total);
    expect(p1.results).toHaveLength(10);
    expect(ids(p1).filter((id) => ids(p2).includes(id))).toEqual([]);
  });

  it("malformed and hostile queries return a reason, never throw", () => {
    for (const q of ['"false positives', "(kvm", "kvm)", "is:nope", "d:someday", "x".repeat(5000)]) {
      const r = search(q);
      expect(r.error, q).toMatch(/\w/);
      expect(r.results).toEqual([]);
    }
    for (const q of ["subject:foo", "NEAR(a b)", "{col}:x", "^x", "kvm\"\" OR \"", "'; DROP TABLE \"Message\"; --", "\u0001kvm\u0002"]) {
      const r = search(q);
      expect(typeof r.total, q).toBe("number");
    }
    expect((db.prepare(`SELECT count(*) AS n FROM "Message"`).get() as { n: number }).n).toBe(150);
  });

  it("runs every bench query without error", () => {
    for (const q of BENCH_QUERIES) {
      for (const sort of ["relevance", "date"] as const) {
        const r = searchMessages(db, q, { sort, page: 1, pageSize: 20 });
        expect(r.error, q).toBeUndefined();
      }
    }
    expect(BENCH_REQUESTS.every((p) => p.startsWith("/api/search?q="))).toBe(true);
    expect(BENCH_QUERIES.length).toBeGreaterThanOrEqual(20);
  });
});
