import { getPrisma } from "./client";

// Verb-first reads for the pages. Explicit selects; null when absent (the page decides on notFound()).

export async function getSeriesById(id: number) {
  const prisma = getPrisma();
  return prisma.series.findUnique({
    where: { id },
    select: {
      id: true,
      key: true,
      title: true,
      topic: true,
      revision: true,
      revisionInferred: true,
      total: true,
      coverMessageId: true,
      authorName: true,
      authorEmail: true,
      date: true,
      lastActivity: true,
      messageCount: true,
      cover: { select: { body: true, subject: true, date: true, fromName: true } },
      patches: {
        orderBy: [{ number: "asc" }, { date: "asc" }],
        select: {
          id: true,
          number: true,
          subject: true,
          messageId: true,
          authorName: true,
          files: true,
          added: true,
          removed: true,
          replyCount: true,
          appliedTree: true,
          appliedCommit: true,
          appliedBy: true,
          arches: { select: { arch: true, source: true } },
          trailers: { select: { kind: true, name: true, email: true, verified: true, via: true, messageId: true, scope: true } },
        },
      },
    },
  });
}

export type SeriesDetail = NonNullable<Awaited<ReturnType<typeof getSeriesById>>>;

/** Other revisions of the same series: same topic, same author. */
export async function getSeriesRevisions(topic: string, authorEmail: string) {
  const prisma = getPrisma();
  return prisma.series.findMany({
    where: { topic, authorEmail },
    orderBy: { revision: "asc" },
    select: { id: true, revision: true, date: true, total: true },
  });
}
