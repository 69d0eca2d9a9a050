import { getPrisma } from "./client";
import { patchFieldsSelect, seriesFieldsSelect, trailerSelect } from "./selects";

// Verb-first reads for the pages. Explicit selects; null when absent (the page decides on notFound()).

export async function getSeriesById(id: number) {
  const prisma = getPrisma();
  return prisma.series.findUnique({
    where: { id },
    select: {
      ...seriesFieldsSelect,
      key: true,
      revisionInferred: true,
      cover: { select: { body: true, subject: true, date: true, fromName: true } },
      patches: {
        orderBy: [{ number: "asc" }, { date: "asc" }],
        select: { ...patchFieldsSelect, trailers: trailerSelect },
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

/**
 * Every revision of the given series' topics (same title, same author), revision order.
 * Filtered by topic with IN, author in code: an OR per series outgrows SQLite's bound-parameter
 * limit on a real archive (1,059 series in the bulk linux-mips archive).
 */
export async function getRevisionsOf(series: readonly { topic: string; authorEmail: string }[]) {
  const prisma = getPrisma();
  const topics = [...new Set(series.map((s) => s.topic))];
  const pairs = new Set(series.map((s) => `${s.topic}\u0000${s.authorEmail}`));
  const rows = await prisma.series.findMany({
    where: { topic: { in: topics } },
    orderBy: { revision: "asc" },
    select: { id: true, revision: true, coverMessageId: true, topic: true, authorEmail: true },
  });
  return rows.filter((r) => pairs.has(`${r.topic}\u0000${r.authorEmail}`));
}
