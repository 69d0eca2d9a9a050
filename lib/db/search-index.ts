// Writer of the full-text index "MessageSearch" (prisma/migrations/20261126000100_search).
// lib/db/store.ts calls indexMessages() inside its batch transaction for every new message, with
// rowid = Message.id and fields = searchFieldsFor(parsed message) from lib/search/fields.ts.

import type { Database, Statement } from "better-sqlite3";
import { searchFieldsFor, type SearchFields } from "../search/fields";
import type { IncomingMessage } from "./store";

export type IndexRow = { rowid: number /* Message.id */; fields: SearchFields };

type Statements = { del: Statement; ins: Statement };
const statements = new WeakMap<Database, Statements>();

function prepare(db: Database): Statements {
  let s = statements.get(db);
  if (!s) {
    s = {
      del: db.prepare(`DELETE FROM "MessageSearch" WHERE rowid = ?`),
      ins: db.prepare(
        `INSERT INTO "MessageSearch"
           (rowid, subject, from_name, from_email, mid, nq, q, dfn, dfa, dfb, dfhh, tk)
         VALUES (@rowid, @subject, @fromName, @fromEmail, @mid, @nq, @q, @dfn, @dfa, @dfb, @dfhh, @tk)`,
      ),
    };
    statements.set(db, s);
  }
  return s;
}

/**
 * Index (or re-index) messages. Idempotent: a row already indexed under that rowid is replaced.
 * Runs in the caller's transaction when there is one, else in its own.
 */
export function indexMessages(db: Database, rows: IndexRow[]): void {
  if (rows.length === 0) return;
  const { del, ins } = prepare(db);
  const run = () => {
    for (const { rowid, fields: f } of rows) {
      if (!Number.isSafeInteger(rowid)) throw new TypeError(`indexMessages: rowid must be an integer, got ${rowid}`);
      del.run(rowid);
      ins.run({
        rowid,
        subject: f.subject,
        fromName: f.fromName,
        fromEmail: f.fromEmail,
        mid: f.mid,
        nq: f.nq,
        q: f.q,
        dfn: f.dfn,
        dfa: f.dfa,
        dfb: f.dfb,
        dfhh: f.dfhh,
        tk: f.tk,
      });
    }
  };
  if (db.inTransaction) run();
  else db.transaction(run)();
}

/**
 * The ingester's hook: `ingestPaths(paths, { db, onStored: indexStoredMessages })`. Indexes every newly
 * stored message, parsed or not (an unparsed one is findable by its subject and Message-ID).
 */
export function indexStoredMessages(db: Database, rows: { id: number; message: IncomingMessage }[]): void {
  indexMessages(
    db,
    rows.map(({ id, message: m }) => ({
      rowid: id,
      fields: searchFieldsFor({
        subject: m.parsed?.subject ?? m.subject,
        fromName: m.parsed?.from?.name ?? "",
        fromEmail: m.parsed?.from?.email ?? "",
        body: m.parsed?.body ?? "",
        diff: m.parsed?.diff ?? null,
        messageId: m.messageId,
      }),
    })),
  );
}

/** Drop messages from the index (e.g. when a message row is deleted). */
export function removeFromIndex(db: Database, rowids: number[]): void {
  const { del } = prepare(db);
  const run = () => {
    for (const id of rowids) del.run(id);
  };
  if (db.inTransaction) run();
  else db.transaction(run)();
}

/** Merge FTS5 b-tree segments after a large ingest (optional; makes queries a little faster). */
export function optimizeSearchIndex(db: Database): void {
  db.prepare(`INSERT INTO "MessageSearch"("MessageSearch") VALUES ('optimize')`).run();
}
