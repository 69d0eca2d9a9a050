import { getPrisma } from "./client";

/** Feed sizes stop here: a feed reader wants what is new, not the archive. */
export const FEED_ENTRIES = 50;

export async function getSeriesFeed(seriesId: number) {
  const prisma = getPrisma();
  const series = await prisma.series.findUnique({ where: { id: seriesId }, select: { title: true, revision: true } });
  if (!series) return null;
  const messages = await prisma.message.findMany({
    where: { seriesId },
    orderBy: [{ date: "desc" }, { id: "desc" }],
    take: FEED_ENTRIES,
    select: { messageId: true, subject: true, date: true, fromName: true, fromEmail: true, patchId: true, body: true },
  });
  return { ...series, messages };
}
