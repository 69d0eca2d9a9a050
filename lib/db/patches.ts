import { findInOtherRevisions, type RevisionPatch } from "../review/revisions";
import { getPrisma } from "./client";
import { patchFieldsSelect, sectionSelect, sortById, trailerSelect } from "./selects";

export async function getPatchById(id: number) {
  const prisma = getPrisma();
  const patch = await prisma.patch.findUnique({
    where: { id },
    select: {
      ...patchFieldsSelect,
      trailers: trailerSelect,
      sections: sectionSelect,
      series: { select: { id: true, title: true, revision: true, total: true, topic: true, authorEmail: true } },
      message: { select: { body: true } },
    },
  });
  if (patch) {
    sortById(patch.trailers);
    sortById(patch.sections);
  }
  return patch;
}

export type PatchDetail = NonNullable<Awaited<ReturnType<typeof getPatchById>>>;

/** The messages discussing a patch (not the patch mail itself), in thread order input. */
export async function getPatchThread(patchId: number, patchMessageId: string) {
  const prisma = getPrisma();
  return prisma.message.findMany({
    where: { patchId, NOT: { messageId: patchMessageId } },
    orderBy: [{ date: "asc" }, { id: "asc" }],
    select: { id: true, messageId: true, parentId: true, depth: true, fromName: true, fromEmail: true, date: true, subject: true, body: true },
  });
}

export type ThreadEntry = Awaited<ReturnType<typeof getPatchThread>>[number];

/** Neighbours in the same series, for previous/next links. */
export async function getPatchNeighbours(seriesId: number, number: number) {
  const prisma = getPrisma();
  const [prev, next] = await Promise.all([
    prisma.patch.findFirst({ where: { seriesId, number: { lt: number } }, orderBy: { number: "desc" }, select: { id: true, number: true } }),
    prisma.patch.findFirst({ where: { seriesId, number: { gt: number } }, orderBy: { number: "asc" }, select: { id: true, number: true } }),
  ]);
  return { prev, next };
}

export async function getMessageRaw(messageId: string) {
  const prisma = getPrisma();
  return prisma.message.findUnique({ where: { messageId }, select: { raw: true, messageId: true, patchId: true } });
}

/** The same patch (by title) in the other revisions of its series, with the reviews carried or dropped. */
export async function getPatchInOtherRevisions(patch: RevisionPatch, series: { id: number; revision: number; topic: string; authorEmail: string }) {
  const prisma = getPrisma();
  const others = await prisma.series.findMany({
    where: { topic: series.topic, authorEmail: series.authorEmail, NOT: { id: series.id } },
    select: {
      revision: true,
      patches: { select: { id: true, number: true, subject: true, messageId: true, trailers: { select: { kind: true, email: true, verified: true, via: true } } } },
    },
  });
  return findInOtherRevisions(patch, series.revision, others);
}

/** One stored message, for /message/:msgid (mail that belongs to no patch, or a failed parse). */
export async function getMessageById(messageId: string) {
  const prisma = getPrisma();
  return prisma.message.findUnique({
    where: { messageId },
    select: {
      messageId: true,
      subject: true,
      fromName: true,
      fromEmail: true,
      date: true,
      body: true,
      kind: true,
      parseError: true,
      patchId: true,
      inReplyTo: true,
      series: { select: { id: true, title: true, revision: true } },
    },
  });
}
