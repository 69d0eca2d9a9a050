import { getPrisma } from "./client";

// The report CLI's JSON document: a stable contract read by outside checks (README,
// "Report JSON"). Message-IDs are written without angle brackets.

export type ReportTrailer = { kind: string; name: string; email: string; messageId: string; via: string; scope?: string; note?: string };

/** "reviewed-by" -> "Reviewed-by", the way the kernel writes trailer names. */
export function canonicalTrailerKind(kind: string): string {
  return kind.charAt(0).toUpperCase() + kind.slice(1).toLowerCase();
}

export async function getReport() {
  const prisma = getPrisma();
  const series = await prisma.series.findMany({
    orderBy: [{ date: "asc" }, { id: "asc" }],
    select: {
      id: true,
      title: true,
      topic: true,
      revision: true,
      total: true,
      coverMessageId: true,
      messageCount: true,
      authorName: true,
      authorEmail: true,
      date: true,
      lastActivity: true,
      patches: {
        orderBy: [{ number: "asc" }, { date: "asc" }],
        select: {
          number: true,
          subject: true,
          messageId: true,
          files: true,
          added: true,
          removed: true,
          replyCount: true,
          appliedTree: true,
          appliedCommit: true,
          appliedBy: true,
          appliedMessageId: true,
          arches: { select: { arch: true, source: true } },
          trailers: {
            orderBy: { id: "asc" },
            select: { kind: true, name: true, email: true, messageId: true, via: true, scope: true, note: true, verified: true },
          },
        },
      },
    },
  });
  const failed = await prisma.message.findMany({
    where: { parseError: { not: null } },
    orderBy: { id: "asc" },
    select: { source: true, parseError: true, messageId: true },
  });
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
      patches: s.patches.map((p) => {
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
        };
      }),
    })),
    failed: failed.map((f) => ({ source: f.source, messageId: f.messageId, reason: f.parseError ?? "" })),
  };
}

export type Report = Awaited<ReturnType<typeof getReport>>;
