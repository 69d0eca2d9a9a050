import { readdirSync, writeFileSync, mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ingestPaths, type IngestSummary } from "../../lib/ingest";
import { corpusPath, V12_COVER, V12_MBOX, v12PatchId } from "../corpus";
import { dumpTables, makeTempDb } from "../helpers";

describe("ingesting the real v12 thread into a SQLite file", () => {
  const t = makeTempDb();
  let first: IngestSummary;
  beforeAll(async () => {
    first = await ingestPaths([V12_MBOX], { db: t.db });
  });
  afterAll(() => t.remove());

  it("reads all 150 messages, stores them all, fails none", () => {
    expect(first).toMatchObject({ read: 150, new: 150, duplicate: 0, files: 1 });
    expect(first.failed).toEqual([]);
    expect(first.errors).toEqual([]);
  });

  it("stores one v12 series of 84 patches with its cover letter", () => {
    const series = t.db.prepare(`SELECT id, revision, total, coverMessageId, messageCount FROM "Series"`).all();
    expect(series).toEqual([{ id: 1, revision: 12, total: 84, coverMessageId: V12_COVER, messageCount: 150 }]);
    const numbers = (t.db.prepare(`SELECT number FROM "Patch" ORDER BY number`).all() as { number: number }[]).map((r) => r.number);
    expect(numbers).toEqual(Array.from({ length: 84 }, (_, i) => i + 1));
  });

  it("tags patch 64 as LoongArch and threads its 6 replies under it", () => {
    const p = t.db.prepare(`SELECT id, replyCount FROM "Patch" WHERE messageId = ?`).get(v12PatchId(64)) as { id: number; replyCount: number };
    expect(p.replyCount).toBe(6);
    const arches = t.db.prepare(`SELECT arch FROM "PatchArch" WHERE patchId = ?`).all(p.id);
    expect(arches).toEqual([{ arch: "loongarch" }]);
    const thread = t.db.prepare(`SELECT COUNT(*) AS n FROM "Message" WHERE patchId = ? AND messageId != ?`).get(p.id, v12PatchId(64));
    expect(thread).toEqual({ n: 6 });
  });

  it("keeps the raw bytes of every message", () => {
    const row = t.db.prepare(`SELECT raw, rawSize FROM "Message" WHERE messageId = ?`).get(V12_COVER) as { raw: Buffer; rawSize: number };
    expect(row.raw.length).toBe(row.rawSize);
    expect(row.raw.toString("utf8")).toContain("Message-ID: <20240726235234.228822-1-seanjc@google.com>");
  });

  it("changes nothing when the same mbox is ingested again", async () => {
    const before = dumpTables(t.db);
    const again = await ingestPaths([V12_MBOX], { db: t.db });
    expect(again).toMatchObject({ read: 150, new: 0, duplicate: 150 });
    expect(dumpTables(t.db)).toEqual(before);
  });
});

describe("hostile and odd input", () => {
  const t = makeTempDb();
  afterAll(() => t.remove());

  it("ingests every patchwork fuzz file without crashing, keeping every message", async () => {
    const dir = corpusPath("patchwork/fuzz");
    const files = readdirSync(dir).map((f) => path.join(dir, f));
    const s = await ingestPaths(files, { db: t.db });
    expect(s.errors).toEqual([]);
    expect(s.read).toBeGreaterThanOrEqual(files.length);
    expect(s.new + s.duplicate).toBe(s.read);
    const stored = t.db.prepare(`SELECT COUNT(*) AS n FROM "Message"`).get() as { n: number };
    expect(stored.n).toBe(s.new);
  });

  it("reads a folder of mail, bare RFC-822 files included", async () => {
    const s = await ingestPaths([corpusPath("patchwork/mail")], { db: t.db });
    expect(s.errors).toEqual([]);
    expect(s.files).toBe(readdirSync(corpusPath("patchwork/mail")).length);
  });

  it("names a missing path and a file that is not mail, and stores nothing from them", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "patchdash-notmail-"));
    const png = path.join(dir, "picture.mbox");
    writeFileSync(png, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]));
    const before = (t.db.prepare(`SELECT COUNT(*) AS n FROM "Message"`).get() as { n: number }).n;
    const s = await ingestPaths([path.join(dir, "missing.mbox"), png], { db: t.db });
    expect(s.errors).toEqual([
      { path: path.join(dir, "missing.mbox"), reason: "cannot read: ENOENT" },
      { path: png, reason: expect.stringContaining("not mail") },
    ]);
    expect((t.db.prepare(`SELECT COUNT(*) AS n FROM "Message"`).get() as { n: number }).n).toBe(before);
  });

  it("stores a message whose headers are garbage raw, with its reason", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "patchdash-bad-"));
    const f = path.join(dir, "bad.mbox");
    writeFileSync(f, "From x Mon Jan  1 00:00:00 2024\nSubject: ok\nMessage-ID: <ok@x>\n\nfine\n\nFrom y Mon Jan  1 00:00:00 2024\nthis is not a header line\n\nbody\n");
    const s = await ingestPaths([f], { db: t.db });
    expect(s.read).toBe(2);
    expect(s.failed).toHaveLength(1);
    expect(s.failed[0].source).toBe(`${f}#2`);
    const row = t.db.prepare(`SELECT parseError, raw FROM "Message" WHERE messageId = ?`).get(s.failed[0].messageId) as { parseError: string; raw: Buffer };
    expect(row.parseError).toMatch(/header/);
    expect(row.raw.toString()).toContain("this is not a header line");
  });
});
