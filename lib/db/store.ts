import type { ParsedMessage } from "../mail/types";
import type { Db } from "./sqlite";

// Writes of the ingester: idempotent inserts by Message-ID, one transaction per batch.
// Plain prepared statements on the better-sqlite3 connection: thousands of rows a second
// is the target (issue #7), which a per-row ORM call cannot reach.

export type IncomingMessage = {
  source: string;
  raw: Buffer;
  messageId: string;
  kind: string;
  parsed: ParsedMessage | null;
  error: string | null;
  subject: string;
};

export type SaveResult = { inserted: { id: number; message: IncomingMessage }[]; duplicates: IncomingMessage[] };

type Statements = ReturnType<typeof prepare>;
const cache = new WeakMap<Db, Statements>();

function prepare(db: Db) {
  return {
    findPerson: db.prepare<[string], { id: number; names: string; name: string }>(`SELECT id, names, name FROM "Person" WHERE email = ?`),
    insertPerson: db.prepare<[string, string, string]>(`INSERT INTO "Person" (email, name, names) VALUES (?, ?, ?)`),
    updatePersonNames: db.prepare<[string, string, number]>(`UPDATE "Person" SET name = ?, names = ? WHERE id = ?`),
    insertMessage: db.prepare(
      `INSERT INTO "Message" ("messageId", "synthesizedId", "inReplyTo", "references", "fromName", "fromEmail", "personId", "date",
        "subject", "body", "raw", "rawSize", "parseError", "warnings", "kind", "hasDiff", "diffFiles", "added", "removed", "source")
       VALUES (@messageId, @synthesizedId, @inReplyTo, @references, @fromName, @fromEmail, @personId, @date,
        @subject, @body, @raw, @rawSize, @parseError, @warnings, @kind, @hasDiff, @diffFiles, @added, @removed, @source)
       ON CONFLICT("messageId") DO NOTHING`,
    ),
  };
}

function statements(db: Db): Statements {
  let s = cache.get(db);
  if (!s) {
    s = prepare(db);
    cache.set(db, s);
  }
  return s;
}

/** Find or create the person for an address, remembering every display name seen. Returns its id. */
export function upsertPerson(db: Db, email: string, name: string): number | null {
  const addr = email.trim().toLowerCase();
  if (!addr) return null;
  const st = statements(db);
  const found = st.findPerson.get(addr);
  const cleanName = name.trim();
  if (!found) {
    const info = st.insertPerson.run(addr, cleanName, JSON.stringify(cleanName ? [cleanName] : []));
    return Number(info.lastInsertRowid);
  }
  if (cleanName) {
    const names = JSON.parse(found.names) as string[];
    if (!names.includes(cleanName)) {
      names.push(cleanName);
      st.updatePersonNames.run(found.name || cleanName, JSON.stringify(names), found.id);
    }
  }
  return found.id;
}

/** Insert a batch; messages whose Message-ID is already stored are left untouched and reported as duplicates. */
export function saveMessages(db: Db, batch: IncomingMessage[]): SaveResult {
  const st = statements(db);
  const result: SaveResult = { inserted: [], duplicates: [] };
  db.transaction(() => {
    for (const m of batch) {
      const p = m.parsed;
      const personId = p?.from ? upsertPerson(db, p.from.email, p.from.name) : null;
      const info = st.insertMessage.run({
        messageId: m.messageId,
        synthesizedId: p ? (p.messageIdSynthesized ? 1 : 0) : 1,
        inReplyTo: p?.inReplyTo ?? null,
        references: JSON.stringify(p?.references ?? []),
        fromName: p?.from?.name ?? "",
        fromEmail: p?.from?.email ?? "",
        personId,
        date: p?.date ?? null,
        subject: p?.subject ?? m.subject,
        body: p?.body ?? "",
        raw: m.raw,
        rawSize: m.raw.length,
        parseError: m.error,
        warnings: JSON.stringify(p?.warnings ?? []),
        kind: m.kind,
        hasDiff: p?.hasDiff ? 1 : 0,
        diffFiles: JSON.stringify(p?.diff?.files.map((f) => f.path) ?? []),
        added: p?.diff?.added ?? 0,
        removed: p?.diff?.removed ?? 0,
        source: m.source,
      });
      if (info.changes === 0) result.duplicates.push(m);
      else result.inserted.push({ id: Number(info.lastInsertRowid), message: m });
    }
  })();
  return result;
}

export function countMessages(db: Db): number {
  return (db.prepare(`SELECT COUNT(*) AS n FROM "Message"`).get() as { n: number }).n;
}
