import { getPatchReport } from "@/lib/db/patch-report";
import { jsonError, jsonResponse, parseIdParam } from "@/lib/http";

export const dynamic = "force-dynamic";

/** One patch in the report's shape, with its series and its reply thread. */
export async function GET(_req: Request, ctx: { params: Promise<{ id: string }> }) {
  const id = parseIdParam((await ctx.params).id, "patch");
  if (id instanceof Response) return id;
  const patch = await getPatchReport(id);
  if (!patch) return jsonError(404, `no patch ${id}`);
  return jsonResponse(patch);
}
