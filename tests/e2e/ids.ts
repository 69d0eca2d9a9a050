import Database from "better-sqlite3";
import { inject } from "vitest";

// Database ids of the test DB built by global-setup.ts (ids depend on ingest order, so tests
// look them up instead of hard-coding /series/1). Read-only: the server owns the file.

function withDb<T>(fn: (db: Database.Database) => T): T {
  const db = new Database(inject("dbFile"), { readonly: true, fileMustExist: true });
  try {
    return fn(db);
  } finally {
    db.close();
  }
}

/** Id of the KVM PFNMAP series at revision `rev` (12 or 13). */
export function seriesId(rev: number): number {
  const row = withDb((db) =>
    db.prepare(`SELECT id FROM "Series" WHERE revision = ? AND title LIKE '%PFNMAP%' ORDER BY id LIMIT 1`).get(rev),
  ) as { id: number } | undefined;
  if (!row) throw new Error(`no v${rev} PFNMAP series in the e2e database`);
  return row.id;
}

/** Id of patch `n` of the v`rev` series. */
export function patchId(rev: number, n: number): number {
  const sid = seriesId(rev);
  const row = withDb((db) => db.prepare(`SELECT id FROM "Patch" WHERE seriesId = ? AND number = ?`).get(sid, n)) as { id: number } | undefined;
  if (!row) throw new Error(`no patch ${n} in v${rev}`);
  return row.id;
}
