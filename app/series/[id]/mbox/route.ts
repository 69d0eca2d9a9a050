import { getSeriesMbox } from "@/lib/db/export";
import { parseId } from "@/lib/format";

export const dynamic = "force-dynamic";

export async function GET(_req: Request, ctx: { params: Promise<{ id: string }> }) {
  const { id } = await ctx.params;
  const seriesId = parseId(id);
  if (!seriesId) return new Response(`bad series id "${id.slice(0, 40)}": expected a positive integer\n`, { status: 400 });
  const mbox = await getSeriesMbox(seriesId);
  if (!mbox) return new Response(`no series ${seriesId}\n`, { status: 404 });
  return new Response(mbox.text, {
    headers: {
      "content-type": "application/mbox; charset=utf-8",
      "content-disposition": `attachment; filename="${mbox.filename}"`,
      "x-content-type-options": "nosniff",
    },
  });
}
