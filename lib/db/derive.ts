import { parseSubject } from "../mail/subject";
import { groupIntoSeries, type ThreadingInput } from "../mail/threading";
import type { MessageKind } from "../mail/types";
import { analyzeSeries, type SeriesAnalysis } from "../review/analyze";
import { findPatchSections } from "../review/status";
import { getMaintainerSections } from "./maintainers";
import type { Db } from "./sqlite";
import { upsertPerson } from "./store";

// Rebuilds what is derived from the stored messages: series, patches, arch tags, trailers,
// applied state, and each message's place in its thread. Runs after an ingest that stored
// something new (a repeated ingest stores nothing and so changes nothing). Series and
// patches are upserted by their Message-ID keys so their ids, and the URLs built on them,
// survive later ingests.

/**
 * What is kept of every message for the whole rebuild: its place as stored (to skip unchanged rows)
 * and its diff columns (small: "[]" for most mail). These columns come after the raw mail in the
 * row, so reading them walks the raw blob's overflow pages: they are read in the one scan that has
 * to walk them anyway (for the place columns), not again per series member.
 */
type Place = { id: number; parentId: string | null; depth: number; seriesId: number | null; patchId: number | null; diffFiles: string; added: number; removed: number };

/** Read one series at a time: a member's body (stored before the raw mail, so no overflow walk). */
type Detail = { body: string; diffFiles: string; added: number; removed: number };

export function rebuildDerived(db: Db): { series: number; patches: number; trailers: number } {
  // Memory stays bounded by what threading needs: one pass over the small columns of every message
  // (iterated, not materialised as rows), and bodies and diff columns read one series at a time.
  const places = new Map<string, Place>();
  const input: ThreadingInput[] = [];
  const all = db.prepare<[], {
    id: number; messageId: string; inReplyTo: string | null; references: string; kind: string; subject: string;
    fromName: string; fromEmail: string; date: string | null; parentId: string | null; depth: number; seriesId: number | null; patchId: number | null;
    diffFiles: string; added: number; removed: number;
  }>(`SELECT id, messageId, inReplyTo, "references", kind, subject, fromName, fromEmail, date, parentId, depth, seriesId, patchId, diffFiles, added, removed FROM "Message"`);
  // One string instance per distinct value: every reply repeats its thread's Message-IDs in
  // References, and senders, subjects and dates repeat too (at 10x the bulk archive this is most of
  // the heap). Strings are immutable, so sharing them changes nothing downstream.
  const strings = new Map<string, string>();
  const intern = (s: string): string => {
    const seen = strings.get(s);
    if (seen !== undefined) return seen;
    strings.set(s, s);
    return s;
  };
  for (const r of all.iterate()) {
    const messageId = intern(r.messageId);
    places.set(messageId, {
      id: r.id, parentId: r.parentId, depth: r.depth, seriesId: r.seriesId, patchId: r.patchId,
      diffFiles: intern(r.diffFiles), added: r.added, removed: r.removed,
    });
    const subject = intern(r.subject);
    input.push({
      messageId,
      inReplyTo: r.inReplyTo === null ? null : intern(r.inReplyTo),
      references: (JSON.parse(r.references) as string[]).map(intern),
      kind: r.kind as MessageKind | "unparsed",
      subject,
      subjectInfo: parseSubject(subject),
      from: r.fromEmail || r.fromName ? { name: intern(r.fromName), email: intern(r.fromEmail) } : null,
      date: r.date,
    });
  }
  strings.clear();
  const threading = groupIntoSeries(input);
  const { sections } = getMaintainerSections(db);
  const getBody = db.prepare<[number], { body: string }>(`SELECT body FROM "Message" WHERE id = ?`);
  const inputById = new Map(input.map((m) => [m.messageId, m]));

  let patchCount = 0;
  let trailerCount = 0;
  const upsertSeries = db.prepare(
    `INSERT INTO "Series" (key, title, topic, revision, revisionInferred, total, coverMessageId, authorName, authorEmail, date, lastActivity, messageCount)
     VALUES (@key, @title, @topic, @revision, @revisionInferred, @total, @coverMessageId, @authorName, @authorEmail, @date, @lastActivity, @messageCount)
     ON CONFLICT(key) DO UPDATE SET title=excluded.title, topic=excluded.topic, revision=excluded.revision, revisionInferred=excluded.revisionInferred,
       total=excluded.total, coverMessageId=excluded.coverMessageId, authorName=excluded.authorName, authorEmail=excluded.authorEmail,
       date=excluded.date, lastActivity=excluded.lastActivity, messageCount=excluded.messageCount
     RETURNING id`,
  );
  const upsertPatch = db.prepare(
    `INSERT INTO "Patch" (seriesId, number, subject, messageId, authorName, authorEmail, date, files, added, removed, replyCount,
       appliedTree, appliedCommit, appliedBy, appliedMessageId)
     VALUES (@seriesId, @number, @subject, @messageId, @authorName, @authorEmail, @date, @files, @added, @removed, @replyCount,
       @appliedTree, @appliedCommit, @appliedBy, @appliedMessageId)
     ON CONFLICT(messageId) DO UPDATE SET seriesId=excluded.seriesId, number=excluded.number, subject=excluded.subject,
       authorName=excluded.authorName, authorEmail=excluded.authorEmail, date=excluded.date, files=excluded.files,
       added=excluded.added, removed=excluded.removed, replyCount=excluded.replyCount, appliedTree=excluded.appliedTree,
       appliedCommit=excluded.appliedCommit, appliedBy=excluded.appliedBy, appliedMessageId=excluded.appliedMessageId
     RETURNING id`,
  );
  const insertArch = db.prepare(`INSERT INTO "PatchArch" (patchId, arch, source) VALUES (?, ?, ?)`);
  const insertTrailer = db.prepare(
    `INSERT INTO "Trailer" (patchId, kind, label, name, email, value, personId, messageId, via, scope, scopeResolved, note, verified)
     VALUES (@patchId, @kind, @label, @name, @email, @value, @personId, @messageId, @via, @scope, @scopeResolved, @note, @verified)`,
  );
  const insertSection = db.prepare(
    `INSERT INTO "PatchSection" (patchId, arch, name, role, status, maintainers, reviewers, owedBy, satisfiedBy)
     VALUES (@patchId, @arch, @name, @role, @status, @maintainers, @reviewers, @owedBy, @satisfiedBy)`,
  );
  const updateMessage = db.prepare(`UPDATE "Message" SET parentId = ?, depth = ?, seriesId = ?, patchId = ? WHERE id = ?`);

  // Replies per patch and messages per series, from the threading result.
  const repliesOf = new Map<string, string[]>();
  const membersOf = new Map<string, string[]>();
  for (const [id, t] of threading.messages) {
    if (t.patchMessageId && t.patchMessageId !== id) (repliesOf.get(t.patchMessageId) ?? repliesOf.set(t.patchMessageId, []).get(t.patchMessageId)!).push(id);
    if (t.seriesKey) (membersOf.get(t.seriesKey) ?? membersOf.set(t.seriesKey, []).get(t.seriesKey)!).push(id);
  }

  db.transaction(() => {
    // Message rows are not reset here: each carries its raw mail, and SQLite rewrites the whole
    // record (overflow pages too) on any update that changes its size. Only rows whose place
    // changed are written, at the end.
    db.exec(`DELETE FROM "Trailer"; DELETE FROM "PatchArch"; DELETE FROM "PatchSection";`);
    const seriesIds = new Map<string, number>();
    const patchIds = new Map<string, number>();
    const keepSeries: number[] = [];
    const keepPatches: number[] = [];
    for (const g of threading.series) {
      const details = new Map<string, Detail>();
      const detail = (id: string): Detail => {
        let d = details.get(id);
        if (!d) {
          const pl = places.get(id)!;
          d = { body: getBody.get(pl.id)?.body ?? "", diffFiles: pl.diffFiles, added: pl.added, removed: pl.removed };
          details.set(id, d);
        }
        return d;
      };
      const members = (membersOf.get(g.key) ?? []).map((id) => {
        const m = inputById.get(id)!;
        const t = threading.messages.get(id)!;
        const d = detail(id);
        return {
          messageId: id,
          parentId: t.parentId,
          kind: m.kind === "unparsed" ? ("unknown" as const) : m.kind,
          from: m.from,
          date: m.date,
          subject: m.subject,
          subjectInfo: m.subjectInfo,
          body: d.body ?? "",
          hasDiff: m.kind === "patch",
          files: JSON.parse(d.diffFiles) as string[],
        };
      });
      const analysis: SeriesAnalysis = analyzeSeries(g, members, sections);
      const { id: seriesId } = upsertSeries.get({
        key: g.key,
        title: g.title,
        topic: g.topic,
        revision: g.revision,
        revisionInferred: g.revisionInferred ? 1 : 0,
        total: g.total,
        coverMessageId: g.coverMessageId,
        authorName: g.author?.name ?? "",
        authorEmail: g.author?.email ?? "",
        date: g.date,
        lastActivity: g.lastActivity,
        messageCount: g.messageCount,
      }) as { id: number };
      seriesIds.set(g.key, seriesId);
      keepSeries.push(seriesId);
      for (const p of g.patches) {
        const row = inputById.get(p.messageId)!;
        const d = detail(p.messageId);
        const pa = analysis.patches.get(p.messageId);
        const { id: patchId } = upsertPatch.get({
          seriesId,
          number: p.number,
          subject: row.subject,
          messageId: p.messageId,
          authorName: row.from?.name ?? "",
          authorEmail: row.from?.email ?? "",
          date: row.date,
          files: d.diffFiles,
          added: d.added,
          removed: d.removed,
          replyCount: repliesOf.get(p.messageId)?.length ?? 0,
          appliedTree: pa?.applied?.tree ?? null,
          appliedCommit: pa?.applied?.commit ?? null,
          appliedBy: pa?.applied?.by ?? null,
          appliedMessageId: pa?.applied?.messageId ?? null,
        }) as { id: number };
        patchIds.set(p.messageId, patchId);
        keepPatches.push(patchId);
        patchCount++;
        for (const a of pa?.arches ?? []) insertArch.run(patchId, a.arch, a.source);
        for (const t of pa?.trailers ?? []) {
          insertTrailer.run({
            patchId,
            kind: t.kind,
            label: t.label,
            name: t.name,
            email: t.email,
            value: t.value,
            personId: t.email ? upsertPerson(db, t.email, t.name) : null,
            messageId: t.messageId,
            via: t.via,
            scope: t.scope ?? null,
            scopeResolved: t.scopeResolved ? 1 : 0,
            note: t.note ?? null,
            verified: t.verified ? 1 : 0,
          });
          trailerCount++;
        }
        const patchSections = findPatchSections(
          { files: JSON.parse(d.diffFiles) as string[], authorEmail: row.from?.email ?? "", trailers: pa?.trailers ?? [], applied: pa?.applied ?? null },
          sections,
        );
        for (const ps of patchSections) {
          insertSection.run({
            patchId,
            arch: ps.arch,
            name: ps.name,
            role: ps.role,
            status: ps.status,
            maintainers: JSON.stringify(ps.maintainers),
            reviewers: JSON.stringify(ps.reviewers),
            owedBy: JSON.stringify(ps.owedBy),
            satisfiedBy: ps.satisfiedBy ? JSON.stringify(ps.satisfiedBy) : null,
          });
        }
      }
    }
    // Rows no longer produced (e.g. a patch now grouped elsewhere) go away.
    db.prepare(`DELETE FROM "Patch" WHERE id NOT IN (SELECT value FROM json_each(?))`).run(JSON.stringify(keepPatches));
    db.prepare(`DELETE FROM "Series" WHERE id NOT IN (SELECT value FROM json_each(?))`).run(JSON.stringify(keepSeries));
    for (const [messageId, row] of places) {
      const t = threading.messages.get(messageId);
      const parentId = t?.parentId ?? null;
      const depth = t?.depth ?? 0;
      const seriesId = t?.seriesKey ? seriesIds.get(t.seriesKey) ?? null : null;
      const patchId = t?.patchMessageId ? patchIds.get(t.patchMessageId) ?? null : null;
      // A deleted Series/Patch may have nulled the stored id (ON DELETE SET NULL); writing again is harmless.
      if (row.parentId === parentId && row.depth === depth && row.seriesId === seriesId && row.patchId === patchId) continue;
      updateMessage.run(parentId, depth, seriesId, patchId, row.id);
    }
  })();
  return { series: threading.series.length, patches: patchCount, trailers: trailerCount };
}
