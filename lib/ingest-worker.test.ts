import { afterAll, describe, expect, it } from "vitest";
import { ingestPaths } from "./ingest";
import { corpusPath, V12_MBOX } from "../tests/corpus";
import { dumpTables, makeTempDb } from "../tests/helpers";

// Parsing in worker threads must store exactly what parsing in process stores, row for row.
describe("parallel parsing", () => {
  const a = makeTempDb();
  const b = makeTempDb();
  afterAll(() => {
    a.remove();
    b.remove();
  });

  it("gives the same database as in-process parsing (v12 thread plus odd mail)", async () => {
    const inputs = [V12_MBOX, corpusPath("patchwork/mail")];
    const serial = await ingestPaths(inputs, { db: a.db, workers: 0 });
    const parallel = await ingestPaths(inputs, { db: b.db, workers: 2 });
    expect(serial.parallel.workers).toBe(0);
    expect(parallel.parallel).toEqual({ workers: 2, fallbackMessages: 0 });
    expect(parallel.read).toBe(serial.read);
    expect(parallel.new).toBe(serial.new);
    expect(parallel.failed).toEqual(serial.failed);
    expect(dumpTables(b.db)).toEqual(dumpTables(a.db));
  }, 60_000);
});
