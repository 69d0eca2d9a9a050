// Writer of the full-text index "MessageSearch" (prisma/migrations/20261126000100_search).
// lib/db/store.ts calls indexMessages() inside its batch transaction for every new message, with
// rowid = Message.id and fields = searchFieldsFor(parsed message) from lib/search/fields.ts.

import type { Database, Statement } from "better-sqlite3";
import { searchFieldsFor, type SearchFields } from "../search/fields";
import { parseDiff } from "../mail/diff";
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

const SYNC_BATCH = 500;

/**
 * Index every stored message the index does not have yet, re-deriving the fields from the Message row
 * (Message.body holds the diff text, so parseDiff(body) gives what the parser gave at ingest).
 * Cheap when nothing is missing (two max() lookups), so searchMessages() calls it first: an ingest that
 * did not pass `onStored: indexStoredMessages`, or a database filled before this migration, heals itself.
 * Returns how many messages were indexed.
 */
export function syncSearchIndex(db: Database): number {
  const maxMessage = (db.prepare(`SELECT max("id") AS n FROM "Message"`).get() as { n: number | null }).n ?? 0;
  const maxIndexed = (db.prepare(`SELECT max(rowid) AS n FROM "MessageSearch"`).get() as { n: number | null }).n ?? 0;
  if (maxMessage <= maxIndexed) return 0;
  const select = db.prepare(
    `SELECT m."id" AS id, m."messageId" AS messageId, m."subject" AS subject, m."fromName" AS fromName,
            m."fromEmail" AS fromEmail, m."body" AS body
     FROM "Message" m
     WHERE m."id" > ? AND NOT EXISTS (SELECT 1 FROM "MessageSearch" s WHERE s.rowid = m."id")
     ORDER BY m."id" LIMIT ?`,
  );
  type Row = { id: number; messageId: string; subject: string; fromName: string; fromEmail: string; body: string };
  let done = 0;
  let after = 0;
  for (;;) {
    const rows = select.all(after, SYNC_BATCH) as Row[];
    if (rows.length === 0) break;
    indexMessages(
      db,
      rows.map((r) => ({
        rowid: r.id,
        fields: searchFieldsFor({ ...r, diff: parseDiff(r.body ?? "") }),
      })),
    );
    done += rows.length;
    after = rows[rows.length - 1].id;
  }
  return done;
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
