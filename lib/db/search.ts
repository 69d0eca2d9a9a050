// Full-text search over messages: the one raw-SQL file for search. Every value is a bound parameter;
// the only SQL built from a query is the shape of the WHERE clause, from the plan's fixed condition
// types (lib/search/plan.ts). User text reaches FTS5 only as a bound MATCH string in which every term
// is an FTS5 quoted string.

import type { Database, Statement } from "better-sqlite3";
import { parseQuery } from "../search/query";
import { planQuery, type Condition, type SearchPlan } from "../search/plan";
import { ELLIPSIS, MARK_CLOSE, MARK_OPEN } from "../search/snippet";
import { syncSearchIndex } from "./search-index";

export { BENCH_QUERIES, BENCH_REQUESTS } from "../search/bench-queries";

export type SearchSort = "relevance" | "date";
export type SearchOptions = {
  sort: SearchSort;
  page: number;
  pageSize: number;
  /** "now" for relative dates (d:last.week..); tests pin it. */
  now?: Date;
  /** Index messages stored without the ingest hook first (default true; cheap when there are none). */
  sync?: boolean;
};

export type SearchResult = {
  messageId: string;
  subject: string;
  from: { name: string; email: string };
  date: string | null;
  patch: { id: number; number: number } | null;
  series: { id: number; title: string; revision: number } | null;
  /** Text with each matched word between \u0001 and \u0002 (see lib/search/snippet.ts splitSnippet). */
  snippet: string;
};

export type SearchOutcome = {
  total: number;
  results: SearchResult[];
  /** Set when the query is malformed: a sentence for the person who typed it (HTTP 400). */
  error?: string;
  /** Things the parser did on its own (ignored terms, unknown prefixes searched as text). */
  warnings?: string[];
};

export const MAX_PAGE_SIZE = 100;
export const MAX_PAGE = 500;

/** bm25 weights, in column order: subject, from_name, from_email, mid, nq, q, dfn, dfa, dfb, dfhh, tk. */
const BM25_WEIGHTS = [8, 3, 3, 2, 4, 1, 3, 1, 1, 2, 1];
/** Columns tried for the snippet, best first: non-quoted, quoted, file names, added, removed, hunk headers. */
const SNIPPET_COLUMNS = [4, 5, 6, 8, 7, 9];
const SNIPPET_TOKENS = 24;
const FALLBACK_SNIPPET_CHARS = 240;
const APPROVAL_KINDS = ["acked-by", "reviewed-by"];

type Sql = { sql: string; params: unknown[] };

// Prepared statements by SQL text, per connection. The SQL text depends only on the query's shape (the
// values are bound), so the bench mix and real traffic reuse a handful of statements.
const STATEMENT_CACHE_SIZE = 200;
const statementCache = new WeakMap<Database, Map<string, Statement>>();
function prepareCached(db: Database, sql: string): Statement {
  let cache = statementCache.get(db);
  if (!cache) statementCache.set(db, (cache = new Map()));
  let st = cache.get(sql);
  if (st) {
    cache.delete(sql);
  } else {
    st = db.prepare(sql);
    if (cache.size >= STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  }
  cache.set(sql, st);
  return st;
}

function conditionSql(c: Condition): Sql {
  switch (c.type) {
    case "and":
    case "or": {
      const parts = c.children.map(conditionSql);
      return {
        sql: "(" + parts.map((p) => p.sql).join(c.type === "and" ? " AND " : " OR ") + ")",
        params: parts.flatMap((p) => p.params),
      };
    }
    case "not": {
      const inner = conditionSql(c.child);
      return { sql: `(NOT ${inner.sql})`, params: inner.params };
    }
    case "fts":
      return {
        sql: `m."id" IN (SELECT rowid FROM "MessageSearch" WHERE "MessageSearch" MATCH ?)`,
        params: [c.match],
      };
    case "date": {
      const parts = [`m."date" IS NOT NULL`];
      const params: unknown[] = [];
      if (c.from) {
        parts.push(`m."date" >= ?`);
        params.push(c.from);
      }
      if (c.to) {
        parts.push(`m."date" < ?`);
        params.push(c.to);
      }
      return { sql: "(" + parts.join(" AND ") + ")", params };
    }
    case "messageId":
      // Through the unique index, so phase 1 never reads the Message row.
      return { sql: `m."id" IN (SELECT "id" FROM "Message" WHERE "messageId" = ?)`, params: [c.value] };
    case "arch":
      return {
        sql: `(m."patchId" IS NOT NULL AND m."patchId" IN (SELECT "patchId" FROM "PatchArch" WHERE "arch" = ?))`,
        params: [c.value],
      };
    case "patchNumber":
      return {
        sql: `(m."patchId" IS NOT NULL AND m."patchId" IN (SELECT "id" FROM "Patch" WHERE "number" BETWEEN ? AND ?))`,
        params: [c.from, c.to],
      };
    case "is":
      switch (c.value) {
        case "patch":
        case "reply":
        case "cover":
          return { sql: `m."kind" = ?`, params: [c.value] };
        case "applied":
          return { sql: `(m."patchId" IS NOT NULL AND m."patchId" IN (${APPLIED_PATCHES}))`, params: [] };
        case "acked":
          // As the arch matrix counts approval (lib/review/status.ts APPROVING_KINDS, verified trailers only).
          return {
            sql: `(m."patchId" IS NOT NULL AND m."patchId" IN (SELECT "patchId" FROM "Trailer" WHERE "kind" IN (?, ?) AND "verified" = 1))`,
            params: APPROVAL_KINDS,
          };
        case "owed":
          // A MAINTAINERS section reached by the patch still owes an ack (PatchSection, lib/review/status.ts).
          return {
            sql: `(m."patchId" IS NOT NULL AND m."patchId" IN (SELECT "patchId" FROM "PatchSection" WHERE "status" = ?))`,
            params: ["owed"],
          };
      }
  }
}

const APPLIED_PATCHES = `SELECT "id" FROM "Patch" WHERE "appliedCommit" IS NOT NULL OR "appliedTree" IS NOT NULL OR "appliedMessageId" IS NOT NULL`;

// Two phases. Phase 1 picks and orders the ids touching only the covering indexes below, never the
// Message row itself: a Message row carries the raw mail (12 KB on average), so reading a column stored
// after it (kind, patchId, seriesId) walks the overflow pages; on 12,500 messages that was 10x slower.
// Phase 2 reads the display columns of the page's ids only.
export const COVERING_INDEXES = [
  `CREATE INDEX IF NOT EXISTS "Message_search_id_idx" ON "Message"("id", "date", "kind", "patchId", "seriesId")`,
  `CREATE INDEX IF NOT EXISTS "Message_search_patch_idx" ON "Message"("patchId", "date", "kind", "seriesId")`,
];
const ensured = new WeakSet<Database>();
/** The covering indexes are in the search migration; created here too for databases migrated before them. */
function ensureSearchIndexes(db: Database): void {
  if (ensured.has(db)) return;
  const have = db
    .prepare(`SELECT count(*) AS n FROM sqlite_master WHERE type = 'index' AND name IN ('Message_search_id_idx', 'Message_search_patch_idx')`)
    .get() as { n: number };
  // Only write (and so take the write lock) when an index is really missing.
  if (have.n < COVERING_INDEXES.length) for (const sql of COVERING_INDEXES) db.exec(sql);
  ensured.add(db);
}

type IdRow = { rowid: number; patchId: number | null; seriesId: number | null };

/** The SQL for a plan: count and page-of-ids queries. Exported for tests (the shape, never user text). */
export function planSql(plan: SearchPlan, sort: SearchSort): { count: Sql; page: Sql } {
  const conds = plan.conditions.map(conditionSql);
  const where = conds.map((c) => c.sql);
  const whereParams = conds.flatMap((c) => c.params);
  const cols = `m."id" AS rowid, m."patchId" AS patchId, m."seriesId" AS seriesId`;
  if (plan.match) {
    const from = `"MessageSearch" JOIN "Message" m INDEXED BY "Message_search_id_idx" ON m."id" = "MessageSearch".rowid`;
    const w = [`"MessageSearch" MATCH ?`, ...where].join(" AND ");
    const params = [plan.match, ...whereParams];
    const page =
      sort === "relevance"
        ? `SELECT ${cols}, bm25("MessageSearch", ${BM25_WEIGHTS.join(", ")}) AS score FROM ${from} WHERE ${w}
           ORDER BY score ASC, m."date" DESC, m."id" DESC LIMIT ? OFFSET ?`
        : `SELECT ${cols} FROM ${from} WHERE ${w} ORDER BY m."date" DESC, m."id" DESC LIMIT ? OFFSET ?`;
    return {
      count: {
        sql: where.length
          ? `SELECT count(*) AS n FROM ${from} WHERE ${w}`
          : `SELECT count(*) AS n FROM "MessageSearch" WHERE "MessageSearch" MATCH ?`,
        params,
      },
      page: { sql: page, params },
    };
  }
  const w = where.length ? where.join(" AND ") : "1";
  return {
    count: { sql: `SELECT count(*) AS n FROM "Message" m WHERE ${w}`, params: whereParams },
    page: {
      sql: `SELECT ${cols} FROM "Message" m WHERE ${w} ORDER BY m."date" DESC, m."id" DESC LIMIT ? OFFSET ?`,
      params: whereParams,
    },
  };
}

type DisplayRow = {
  rowid: number;
  messageId: string;
  subject: string;
  fromName: string;
  fromEmail: string;
  date: string | null;
  patchNumber: number | null;
  seriesId: number | null;
  seriesTitle: string | null;
  seriesRevision: number | null;
};

function getDisplayRows(db: Database, ids: IdRow[]): Map<number, DisplayRow> {
  const rows = prepareCached(
    db,
    `SELECT m."id" AS rowid, m."messageId" AS messageId, m."subject" AS subject, m."fromName" AS fromName,
              m."fromEmail" AS fromEmail, m."date" AS date, p."number" AS patchNumber,
              s."id" AS seriesId, s."title" AS seriesTitle, s."revision" AS seriesRevision
       FROM json_each(?) j
       JOIN "Message" m ON m."id" = j.value ->> '$[0]'
       LEFT JOIN "Patch" p ON p."id" = j.value ->> '$[1]'
       LEFT JOIN "Series" s ON s."id" = COALESCE(j.value ->> '$[2]', p."seriesId")`,
  ).all(JSON.stringify(ids.map((r) => [r.rowid, r.patchId, r.seriesId]))) as DisplayRow[];
  return new Map(rows.map((r) => [r.rowid, r]));
}

function findSnippets(db: Database, highlight: string | null, rowids: number[]): Map<number, string> {
  const out = new Map<number, string>();
  if (rowids.length === 0) return out;
  const ids = JSON.stringify(rowids);
  if (highlight) {
    const cols = SNIPPET_COLUMNS.map(
      (c, i) => `snippet("MessageSearch", ${c}, char(1), char(2), '${ELLIPSIS}', ${SNIPPET_TOKENS}) AS s${i}`,
    ).join(", ");
    const rows = prepareCached(
      db,
      `SELECT rowid AS rowid, ${cols} FROM "MessageSearch"
       WHERE "MessageSearch" MATCH ? AND rowid IN (SELECT value FROM json_each(?))`,
    ).all(highlight, ids) as Record<string, string | number>[];
    for (const r of rows) {
      for (let i = 0; i < SNIPPET_COLUMNS.length; i++) {
        const s = r[`s${i}`];
        if (typeof s === "string" && s.includes(MARK_OPEN)) {
          out.set(Number(r.rowid), s);
          break;
        }
      }
    }
  }
  const missing = rowids.filter((id) => !out.has(id));
  if (missing.length) {
    const rows = prepareCached(
      db,
      `SELECT rowid AS rowid, substr("nq", 1, ?) AS text FROM "MessageSearch" WHERE rowid IN (SELECT value FROM json_each(?))`,
    ).all(FALLBACK_SNIPPET_CHARS + 1, JSON.stringify(missing)) as { rowid: number; text: string | null }[];
    for (const r of rows) {
      let t = (r.text ?? "").replace(/\s+/g, " ").trim();
      if (t.length > FALLBACK_SNIPPET_CHARS) t = t.slice(0, FALLBACK_SNIPPET_CHARS).replace(/\s\S*$/, "") + ELLIPSIS;
      out.set(r.rowid, t.split(MARK_OPEN).join("").split(MARK_CLOSE).join(""));
    }
  }
  return out;
}

function clampInt(v: unknown, min: number, max: number, dflt: number): number {
  const n = typeof v === "number" ? v : Number(v);
  if (!Number.isFinite(n)) return dflt;
  return Math.min(max, Math.max(min, Math.trunc(n)));
}

/** Search messages. Never throws for a bad query: the reason comes back in `error`. */
export function searchMessages(db: Database, query: string, opts: SearchOptions): SearchOutcome {
  const parsed = parseQuery(query, { now: opts.now });
  const warnings = parsed.warnings.length ? { warnings: parsed.warnings } : {};
  if (!parsed.ok) return { total: 0, results: [], error: parsed.error, ...warnings };

  const sort: SearchSort = opts.sort === "date" ? "date" : "relevance";
  const pageSize = clampInt(opts.pageSize, 1, MAX_PAGE_SIZE, 20);
  const page = clampInt(opts.page, 1, MAX_PAGE, 1);
  if (opts.sync !== false) syncSearchIndex(db);
  const plan = planQuery(parsed.ast);
  const { count, page: pageSql } = planSql(plan, sort);

  let total: number;
  let ids: IdRow[];
  try {
    ensureSearchIndexes(db);
    total = (prepareCached(db, count.sql).get(...count.params) as { n: number }).n;
    ids = prepareCached(db, pageSql.sql).all(...pageSql.params, pageSize, (page - 1) * pageSize) as IdRow[];
  } catch (e) {
    // FTS5 rejects some inputs we did not foresee (it should not: every term is quoted). Say so, don't 500.
    const msg = e instanceof Error ? e.message : String(e);
    if (/fts5|MATCH/i.test(msg)) {
      return { total: 0, results: [], error: "The search engine could not read this query.", ...warnings };
    }
    if (/no such (table|column)/i.test(msg)) {
      // A database migrated before a table the filter reads (e.g. PatchSection for is:owed).
      return {
        total: 0,
        results: [],
        error: "This database has no data for one of the filters used; ingest the mail again to add it.",
        ...warnings,
      };
    }
    throw e;
  }
  const display = getDisplayRows(db, ids);
  const snippets = findSnippets(
    db,
    plan.highlight,
    ids.map((r) => r.rowid),
  );
  const results: SearchResult[] = [];
  for (const { rowid, patchId } of ids) {
    const r = display.get(rowid);
    if (!r) continue;
    results.push({
      messageId: r.messageId,
      subject: r.subject,
      from: { name: r.fromName, email: r.fromEmail },
      date: r.date,
      patch: patchId != null && r.patchNumber != null ? { id: patchId, number: r.patchNumber } : null,
      series:
        r.seriesId != null ? { id: r.seriesId, title: r.seriesTitle ?? "", revision: r.seriesRevision ?? 0 } : null,
      snippet: snippets.get(rowid) ?? "",
    });
  }
  return { total, results, ...warnings };
}
