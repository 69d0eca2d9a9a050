import { mkdirSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { databaseFileFromUrl } from "../env";
import { applyMigrations } from "./migrate";

export type Db = Database.Database;

/** Open (creating if needed) and migrate a SQLite database file. */
export function openDatabase(file: string): Db {
  mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = NORMAL");
  db.pragma("foreign_keys = ON");
  db.pragma("busy_timeout = 5000");
  applyMigrations(db);
  return db;
}

const globalForDb = globalThis as unknown as { patchdashDb?: Db };

/** One connection per process, for the server and the CLIs (DATABASE_URL). */
export function getDatabase(): Db {
  if (!globalForDb.patchdashDb) globalForDb.patchdashDb = openDatabase(databaseFileFromUrl());
  return globalForDb.patchdashDb;
}
