import { getReport } from "@/lib/db/report";
import { jsonResponse } from "@/lib/http";

export const dynamic = "force-dynamic";

/** Every series with its arch summary and revisions; the patches are at /api/series/:id. */
export async function GET() {
  const report = await getReport();
  return jsonResponse({
    series: report.series.map(({ patches, ...s }) => ({ ...s, patchCount: patches.length })),
    failed: report.failed.length,
  });
}
