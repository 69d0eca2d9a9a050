import { atomResponse, buildAtomFeed } from "@/lib/atom";
import { getSeriesFeed } from "@/lib/db/feeds";
import { parseIdParam } from "@/lib/http";
import { loreUrl } from "@/lib/format";

export const dynamic = "force-dynamic";

/** New messages of a series, newest first (lore's t.atom for the series' threads). */
export async function GET(req: Request, ctx: { params: Promise<{ id: string }> }) {
  const id = parseIdParam((await ctx.params).id, "series");
  if (id instanceof Response) return id;
  const feed = await getSeriesFeed(id);
  if (!feed) return new Response(`no series ${id}\n`, { status: 404 });
  const origin = new URL(req.url).origin;
  return atomResponse(
    buildAtomFeed({
      title: `patchdash: v${feed.revision} ${feed.title}`,
      self: `${origin}/series/${id}/atom`,
      alternate: `${origin}/series/${id}`,
      entries: feed.messages.map((m) => ({
        id: loreUrl(m.messageId),
        title: m.subject,
        updated: m.date ?? "",
        author: { name: m.fromName || m.fromEmail, email: m.fromEmail || undefined },
        link: m.patchId ? `${origin}/patch/${m.patchId}#m-${encodeURIComponent(m.messageId)}` : loreUrl(m.messageId),
        summary: m.body.slice(0, 500),
      })),
    }),
  );
}
