import { createHash } from "node:crypto";
import Database from "better-sqlite3";

// Compare the derived tables of two SQLite databases (after a change to the ingester or derive):
// prints one line per table, with a hash of its rows in id order, and exits 1 on any difference.
//   tsx scripts/bench/compare-db.ts a.db b.db

const TABLES: Record<string, string> = {
  Series: `SELECT * FROM "Series" ORDER BY id`,
  Patch: `SELECT * FROM "Patch" ORDER BY id`,
  PatchArch: `SELECT * FROM "PatchArch" ORDER BY patchId, arch`,
  Trailer: `SELECT * FROM "Trailer" ORDER BY id`,
  PatchSection: `SELECT * FROM "PatchSection" ORDER BY id`,
  Person: `SELECT * FROM "Person" ORDER BY id`,
  Message: `SELECT id, messageId, parentId, depth, seriesId, patchId, subject, body, fromName, fromEmail, date, warnings, kind, diffFiles, added, removed FROM "Message" ORDER BY id`,
};

function digest(file: string, sql: string): { rows: number; hash: string } {
  const db = new Database(file, { readonly: true });
  try {
    const h = createHash("sha256");
    let rows = 0;
    for (const r of db.prepare(sql).iterate()) {
      h.update(JSON.stringify(r));
      rows++;
    }
    return { rows, hash: h.digest("hex").slice(0, 16) };
  } finally {
    db.close();
  }
}

const [a, b] = process.argv.slice(2);
let same = true;
for (const [name, sql] of Object.entries(TABLES)) {
  const da = digest(a, sql);
  const dbb = digest(b, sql);
  const ok = da.rows === dbb.rows && da.hash === dbb.hash;
  if (!ok) same = false;
  console.log(`${ok ? "same" : "DIFF"} ${name}: ${da.rows} rows ${da.hash} / ${dbb.rows} rows ${dbb.hash}`);
}
process.exitCode = same ? 0 : 1;
