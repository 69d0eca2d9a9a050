import { getPatchThread } from "./patches";
import { getReport } from "./report";
import { getPrisma } from "./client";

/** A patch as the report describes it, plus its series and thread (the API's /api/patches/:id). */
export async function getPatchReport(patchId: number) {
  const prisma = getPrisma();
  const row = await prisma.patch.findUnique({ where: { id: patchId }, select: { seriesId: true, messageId: true } });
  if (!row) return null;
  const report = await getReport({ seriesId: row.seriesId });
  const series = report.series[0];
  const patch = series?.patches.find((p) => p.id === patchId);
  if (!series || !patch) return null;
  const thread = await getPatchThread(patchId, row.messageId);
  return {
    series: { id: series.id, title: series.title, revision: series.revision, total: series.total, coverMessageId: series.coverMessageId },
    patch,
    thread: thread.map((m) => ({
      messageId: m.messageId,
      parentId: m.parentId,
      depth: m.depth,
      from: { name: m.fromName, email: m.fromEmail },
      date: m.date,
      subject: m.subject,
      body: m.body,
    })),
  };
}
