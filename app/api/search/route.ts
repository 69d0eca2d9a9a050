import { searchMessages } from "@/lib/db/search";
import { getDatabase } from "@/lib/db/sqlite";
import { parseSearchParams } from "@/lib/search/params";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

// GET /api/search?q=&sort=relevance|date&page=&n=
// 200 { query, total, results } ; 400 { query, total: 0, results: [], error } for a malformed query.
export async function GET(request: Request) {
  const params = parseSearchParams(new URL(request.url).searchParams);
  const headers = { "cache-control": "no-store" };
  if (!params.q.trim()) {
    return Response.json({ query: params.q, total: 0, results: [], error: "Missing q: type something to search for." }, { status: 400, headers });
  }
  try {
    const out = searchMessages(getDatabase(), params.q, params);
    const body = { query: params.q, total: out.total, results: out.results, ...(out.warnings ? { warnings: out.warnings } : {}) };
    if (out.error) return Response.json({ ...body, error: out.error }, { status: 400, headers });
    return Response.json(body, { headers });
  } catch (err) {
    console.error("search failed", err);
    return Response.json({ query: params.q, total: 0, results: [], error: "Search failed on the server." }, { status: 500, headers });
  }
}
