import { getReport } from "@/lib/db/report";
import { jsonError, jsonResponse, parseIdParam } from "@/lib/http";

export const dynamic = "force-dynamic";

/** One series in the report's shape (README, "Report JSON"). */
export async function GET(_req: Request, ctx: { params: Promise<{ id: string }> }) {
  const id = parseIdParam((await ctx.params).id, "series");
  if (id instanceof Response) return id;
  const report = await getReport({ seriesId: id });
  const series = report.series[0];
  if (!series) return jsonError(404, `no series ${id}`);
  return jsonResponse({ series, failed: report.failed });
}
