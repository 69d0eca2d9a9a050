import { existsSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { indexStoredMessages } from "../../lib/db/search-index";
import { ingestPaths } from "../../lib/ingest";
import { corpusPath } from "../corpus";
import { makeTempDb } from "../helpers";

// The whole-archive reads on a real list archive (12,490 linux-mips messages): every query
// that spans all series must work there, not only on one thread (the report once failed with
// "query parameter limit exceeded" at 1,059 series).
const BULK = corpusPath("bulk/linux-mips-recent.mboxrd.gz");

describe.skipIf(!existsSync(BULK))("a real list archive", () => {
  const t = makeTempDb();
  let seriesCount = 0;
  beforeAll(async () => {
    const s = await ingestPaths([BULK], { db: t.db, onStored: indexStoredMessages });
    expect(s.failed).toEqual([]);
    seriesCount = (t.db.prepare(`SELECT COUNT(*) AS n FROM "Series"`).get() as { n: number }).n;
    process.env.DATABASE_URL = `file:${t.file}`;
  }, 300_000);
  afterAll(() => t.remove());

  it("reports every stored series and patch", async () => {
    const { getReport } = await import("../../lib/db/report");
    const report = await getReport();
    const patches = (t.db.prepare(`SELECT COUNT(*) AS n FROM "Patch"`).get() as { n: number }).n;
    expect(seriesCount).toBeGreaterThan(500);
    expect(report.series).toHaveLength(seriesCount);
    expect(report.series.reduce((n, s) => n + s.patches.length, 0)).toBe(patches);
  });

  it("filters the front page by arch and by who owes, both at once", async () => {
    const { listSeriesOverview } = await import("../../lib/db/series-list");
    const owedRow = t.db
      .prepare(`SELECT ps.owedBy AS owedBy FROM "PatchSection" ps WHERE ps.status = 'owed' AND ps.arch = 'mips' LIMIT 1`)
      .get() as { owedBy: string };
    const email = (JSON.parse(owedRow.owedBy) as string[])[0].match(/<([^>]+)>/)![1];
    const both = await listSeriesOverview({ arch: "mips", owedBy: email });
    const owedOnly = await listSeriesOverview({ owedBy: email });
    expect(both.length).toBeGreaterThan(0);
    expect(both.length).toBeLessThanOrEqual(owedOnly.length);
    for (const s of both) {
      expect(s.chips.map((c) => c.arch)).toContain("mips");
      expect(s.owedByMe).toBeGreaterThan(0);
    }
  });
});
