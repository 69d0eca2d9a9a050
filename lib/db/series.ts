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
