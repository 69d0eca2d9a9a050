import { formatPatchMbox } from "../mail/export";
import { canonicalTrailerKind } from "./report";
import { getPrisma } from "./client";

// The mbox of a series with its collected review trailers, b4 am style: verified person
// trailers from replies and (scope permitting) the cover letter, in the order collected.

const EXPORTED_KINDS = new Set(["acked-by", "reviewed-by", "tested-by", "reported-by", "suggested-by", "nacked-by", "co-developed-by"]);

export async function getSeriesMbox(seriesId: number): Promise<{ filename: string; text: string; patches: number } | null> {
  const prisma = getPrisma();
  const series = await prisma.series.findUnique({
    where: { id: seriesId },
    select: {
      revision: true,
      title: true,
      patches: {
        orderBy: [{ number: "asc" }, { date: "asc" }],
        select: {
          messageId: true,
          subject: true,
          authorName: true,
          authorEmail: true,
          date: true,
          message: { select: { body: true } },
          trailers: { orderBy: { id: "asc" }, select: { kind: true, name: true, email: true, via: true, verified: true } },
        },
      },
    },
  });
  if (!series) return null;
  const parts = series.patches.map((p) => {
    const trailers = p.trailers
      .filter((t) => t.verified && t.via !== "self" && EXPORTED_KINDS.has(t.kind) && t.email)
      .map((t) => `${canonicalTrailerKind(t.kind)}: ${t.name ? `${t.name} ` : ""}<${t.email}>`);
    return formatPatchMbox(
      { messageId: p.messageId, fromName: p.authorName, fromEmail: p.authorEmail, date: p.date, subject: p.subject, body: p.message.body },
      [...new Set(trailers)],
    );
  });
  const slug = series.title.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 60);
  return { filename: `v${series.revision}-${slug}.mbx`, text: parts.join("\n"), patches: parts.length };
}
