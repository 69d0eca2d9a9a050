import { readdirSync, readFileSync, existsSync } from "node:fs";
import path from "node:path";
import type Database from "better-sqlite3";

// Prisma 7's `migrate deploy` needs a schema-engine binary that cannot be downloaded here,
// so the checked-in migration SQL is applied by this small migrator at first use, each
// file in one transaction, with applied names recorded (same table name as Prisma's).

export function findMigrationsDir(): string {
  const candidates = [path.resolve(process.cwd(), "prisma/migrations"), path.resolve(__dirname, "../../prisma/migrations")];
  for (const c of candidates) if (existsSync(c)) return c;
  throw new Error(`prisma/migrations not found (looked in ${candidates.join(", ")})`);
}

export function applyMigrations(db: Database.Database, dir = findMigrationsDir()): string[] {
  db.exec(`CREATE TABLE IF NOT EXISTS "_patchdash_migrations" ("name" TEXT PRIMARY KEY, "appliedAt" TEXT NOT NULL)`);
  const done = new Set((db.prepare(`SELECT name FROM "_patchdash_migrations"`).all() as { name: string }[]).map((r) => r.name));
  const names = readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(path.join(dir, d.name, "migration.sql")))
    .map((d) => d.name)
    .sort();
  const applied: string[] = [];
  for (const name of names) {
    if (done.has(name)) continue;
    const sql = readFileSync(path.join(dir, name, "migration.sql"), "utf8");
    db.transaction(() => {
      db.exec(sql);
      db.prepare(`INSERT INTO "_patchdash_migrations" (name, appliedAt) VALUES (?, ?)`).run(name, new Date().toISOString());
    })();
    applied.push(name);
  }
  return applied;
}
