import { DASHBOARD_ARCHES } from "../review/arch";
import { findInOtherRevisions, type RevisionPatch } from "../review/revisions";
import { summarizeArches, type PatchSection } from "../review/status";
import { parseJsonArray } from "../format";
import { getPrisma } from "./client";
import { getRevisionsOf } from "./series";
import { patchFieldsSelect, sectionSelect, seriesFieldsSelect, sortById, trailerSelect } from "./selects";

// The report CLI's JSON document: a stable contract read by outside checks (README,
// "Report JSON"). Message-IDs are written without angle brackets.

export type ReportTrailer = { kind: string; name: string; email: string; messageId: string; via: string; scope?: string; note?: string };

/** "reviewed-by" -> "Reviewed-by", the way the kernel writes trailer names. */
export function canonicalTrailerKind(kind: string): string {
  return kind.charAt(0).toUpperCase() + kind.slice(1).toLowerCase();
}

/** The whole report, or one series' part of it (the API's /api/series/:id). */
export async function getReport(filter: { seriesId?: number } = {}) {
  const prisma = getPrisma();
  const seriesRows = await prisma.series.findMany({
    where: filter.seriesId ? { id: filter.seriesId } : undefined,
    orderBy: [{ date: "asc" }, { id: "asc" }],
    select: seriesFieldsSelect,
  });
  // Patches in one flat query, grouped here: nesting them under every series (with an order)
  // binds a parameter per series and outgrows SQLite's limit on a real archive.
  const patchRows = await prisma.patch.findMany({
    where: filter.seriesId ? { seriesId: filter.seriesId } : undefined,
    orderBy: [{ seriesId: "asc" }, { number: "asc" }, { date: "asc" }],
    select: { ...patchFieldsSelect, seriesId: true, trailers: trailerSelect, sections: sectionSelect },
  });
  const patchesOf = new Map<number, typeof patchRows>();
  for (const p of patchRows) {
    sortById(p.trailers);
    sortById(p.sections);
    (patchesOf.get(p.seriesId) ?? patchesOf.set(p.seriesId, []).get(p.seriesId)!).push(p);
  }
  const series = seriesRows.map((s) => ({ ...s, patches: patchesOf.get(s.id) ?? [] }));
  const failed = await prisma.message.findMany({
    where: { parseError: { not: null }, ...(filter.seriesId ? { seriesId: filter.seriesId } : {}) },
    orderBy: { id: "asc" },
    select: { source: true, parseError: true, messageId: true },
  });
  // Revisions: same topic (title without prefixes) from the same author.
  const related = await getRevisionsOf(series);
  // Patches of every related revision, to match patches across revisions by title.
  const revisionPatches = new Map<number, { revision: number; patches: RevisionPatch[] }>();
  const relatedPatches = await prisma.patch.findMany({
    where: { seriesId: { in: related.map((r) => r.id) } },
    select: { id: true, seriesId: true, number: true, subject: true, messageId: true, trailers: { select: { kind: true, email: true, verified: true, via: true } } },
  });
  for (const r of related) revisionPatches.set(r.id, { revision: r.revision, patches: [] });
  for (const p of relatedPatches) revisionPatches.get(p.seriesId)!.patches.push(p);
  const otherRevisionsOf = (topic: string, email: string, seriesId: number) =>
    related.filter((o) => o.topic === topic && o.authorEmail === email && o.id !== seriesId).map((o) => revisionPatches.get(o.id)!);
  const revisionsOf = (topic: string, email: string) =>
    related.filter((o) => o.topic === topic && o.authorEmail === email).map((o) => ({ id: o.id, revision: o.revision, coverMessageId: o.coverMessageId }));
  return {
    series: series.map((s) => ({
      id: s.id,
      title: s.title,
      revision: s.revision,
      total: s.total,
      coverMessageId: s.coverMessageId,
      messages: s.messageCount,
      author: { name: s.authorName, email: s.authorEmail },
      date: s.date,
      lastActivity: s.lastActivity,
      revisions: revisionsOf(s.topic, s.authorEmail),
      arches: summarizeArches(
        s.patches.map((p) => ({
          arches: p.arches.map((a) => a.arch),
          trailers: p.trailers,
          applied: p.appliedTree,
          sections: p.sections.map(toSection),
        })),
        DASHBOARD_ARCHES,
      ),
      patches: s.patches.map((p) => {
        const others = otherRevisionsOf(s.topic, s.authorEmail, s.id);
        const toTrailer = (t: (typeof p.trailers)[number]): ReportTrailer => ({
          kind: canonicalTrailerKind(t.kind),
          name: t.name,
          email: t.email,
          messageId: t.messageId,
          via: t.via,
          ...(t.scope ? { scope: t.scope } : {}),
          ...(t.note ? { note: t.note } : {}),
        });
        return {
          id: p.id,
          number: p.number,
          subject: p.subject,
          messageId: p.messageId,
          arches: p.arches.map((a) => a.arch),
          archSources: Object.fromEntries(p.arches.map((a) => [a.arch, a.source])),
          files: JSON.parse(p.files) as string[],
          added: p.added,
          removed: p.removed,
          replies: p.replyCount,
          trailers: p.trailers.filter((t) => t.verified).map(toTrailer),
          unverified: p.trailers.filter((t) => !t.verified).map(toTrailer),
          applied: p.appliedTree
            ? { tree: p.appliedTree, commit: p.appliedCommit, by: p.appliedBy, messageId: p.appliedMessageId }
            : null,
          sections: p.sections
            .filter((x) => x.role === "owner")
            .map((x) => ({ name: x.name, arch: x.arch, maintainers: parseJsonArray(x.maintainers), status: x.status, owedBy: parseJsonArray(x.owedBy) })),
          cc: p.sections.filter((x) => x.role === "cc").map((x) => x.name),
          otherRevisions: findInOtherRevisions(p, s.revision, others),
        };
      }),
    })),
    failed: failed.map((f) => ({ source: f.source, messageId: f.messageId, reason: f.parseError ?? "" })),
  };
}

export type Report = Awaited<ReturnType<typeof getReport>>;

type SectionRow = { arch: string; name: string; role: string; status: string; maintainers: string; reviewers: string; owedBy: string; satisfiedBy: string | null };

export function toSection(x: SectionRow): PatchSection {
  return {
    arch: x.arch,
    name: x.name,
    role: x.role as PatchSection["role"],
    status: x.status as PatchSection["status"],
    maintainers: parseJsonArray(x.maintainers),
    reviewers: parseJsonArray(x.reviewers),
    owedBy: parseJsonArray(x.owedBy),
    satisfiedBy: x.satisfiedBy ? (JSON.parse(x.satisfiedBy) as PatchSection["satisfiedBy"]) : null,
  };
}
