import { findSectionEmail } from "../review/maintainers";
import { DASHBOARD_ARCHES } from "../review/arch";
import { getPrisma } from "./client";
import { getRevisionsOf } from "./series";

// The front page: each series with per-arch chips (acked / owed / applied), filterable by
// arch and by the person who still owes an answer.

export type ArchChipState = { arch: string; patches: number; acked: number; owed: number; applied: number };

export async function listSeriesOverview(filter: { arch?: string; owedBy?: string }) {
  const prisma = getPrisma();
  const owedBy = filter.owedBy?.trim().toLowerCase();
  // "What does X owe": the owed sections naming X first (one indexed scan), then their series.
  const owedSeriesIds = owedBy
    ? [
        ...new Set(
          (
            await prisma.patchSection.findMany({
              where: { status: "owed", owedBy: { contains: owedBy } },
              select: { owedBy: true, patch: { select: { seriesId: true } } },
            })
          )
            .filter((r) => (JSON.parse(r.owedBy) as string[]).some((m) => findSectionEmail(m) === owedBy))
            .map((r) => r.patch.seriesId),
        ),
      ]
    : null;
  const series = await prisma.series.findMany({
    where: {
      AND: [
        filter.arch ? { patches: { some: { arches: { some: { arch: filter.arch } } } } } : {},
        owedSeriesIds ? { id: { in: owedSeriesIds } } : {},
      ],
    },
    orderBy: [{ lastActivity: "desc" }, { id: "desc" }],
    take: 500,
    select: {
      id: true,
      title: true,
      topic: true,
      revision: true,
      total: true,
      authorName: true,
      authorEmail: true,
      date: true,
      lastActivity: true,
      patches: {
        select: {
          appliedTree: true,
          arches: { select: { arch: true } },
          trailers: { where: { verified: true, kind: { in: ["acked-by", "reviewed-by"] } }, select: { kind: true } },
          sections: { where: { status: "owed" }, select: { arch: true, owedBy: true } },
        },
      },
    },
  });
  const revisions = await getRevisionsOf(series);
  const rank = (a: string) => {
    const i = (DASHBOARD_ARCHES as readonly string[]).indexOf(a);
    return i < 0 ? 100 : i;
  };
  return series
    .map((s) => {
      const chips = new Map<string, ArchChipState>();
      let owedByMe = 0;
      for (const p of s.patches) {
        for (const { arch } of p.arches) {
          const c = chips.get(arch) ?? chips.set(arch, { arch, patches: 0, acked: 0, owed: 0, applied: 0 }).get(arch)!;
          c.patches++;
          if (p.trailers.length) c.acked++;
          if (p.appliedTree) c.applied++;
          if (p.sections.some((x) => x.arch === arch)) c.owed++;
        }
        if (owedBy && p.sections.some((x) => (JSON.parse(x.owedBy) as string[]).some((m) => findSectionEmail(m) === owedBy))) owedByMe++;
      }
      return {
        id: s.id,
        title: s.title,
        revision: s.revision,
        total: s.total,
        patchCount: s.patches.length,
        authorName: s.authorName,
        authorEmail: s.authorEmail,
        date: s.date,
        lastActivity: s.lastActivity,
        chips: [...chips.values()].sort((a, b) => rank(a.arch) - rank(b.arch) || a.arch.localeCompare(b.arch)),
        revisions: revisions.filter((r) => r.topic === s.topic && r.authorEmail === s.authorEmail && r.id !== s.id),
        owedByMe,
      };
    })
    .filter((s) => !owedBy || s.owedByMe > 0);
}

export type SeriesOverview = Awaited<ReturnType<typeof listSeriesOverview>>[number];
