import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { openDatabase, type Db } from "../lib/db/sqlite";

/** A real SQLite file in a fresh temp folder, migrated; remove() deletes it. */
export function makeTempDb(): { db: Db; file: string; remove: () => void } {
  const dir = mkdtempSync(path.join(os.tmpdir(), "patchdash-test-"));
  const file = path.join(dir, "test.db");
  const db = openDatabase(file);
  return {
    db,
    file,
    remove: () => {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Every row of every table, for "a second ingest changes nothing" comparisons. */
export function dumpTables(db: Db): Record<string, unknown[]> {
  const tables = (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%_migrations' ORDER BY name`).all() as { name: string }[]).map((r) => r.name);
  const out: Record<string, unknown[]> = {};
  for (const t of tables) {
    // FTS5 shadow tables are covered by their virtual table's content.
    if (/_(data|idx|docsize|config|content)$/.test(t)) continue;
    out[t] = db.prepare(`SELECT * FROM "${t.replace(/"/g, '""')}" ORDER BY rowid`).all();
  }
  return out;
}
