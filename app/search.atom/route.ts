import { searchMessages } from "@/lib/db/search";
import { getDatabase } from "@/lib/db/sqlite";
import { buildSearchAtom } from "@/lib/search/atom";
import { parseSearchParams } from "@/lib/search/params";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/** Newest messages per feed, like lore's search Atom. */
const FEED_SIZE = 50;

// GET /search.atom?q= : the newest matches of a saved query, as Atom.
export async function GET(request: Request) {
  const url = new URL(request.url);
  const { q } = parseSearchParams(url.searchParams);
  const text = (body: string, status: number) =>
    new Response(body, { status, headers: { "content-type": "text/plain; charset=utf-8" } });
  if (!q.trim()) return text("Missing q: /search.atom?q=<query>\n", 400);
  try {
    const out = searchMessages(getDatabase(), q, { sort: "date", page: 1, pageSize: FEED_SIZE });
    if (out.error) return text(`${out.error}\n`, 400);
    const xml = buildSearchAtom({ query: q, origin: url.origin, results: out.results });
    return new Response(xml, { headers: { "content-type": "application/atom+xml; charset=utf-8", "cache-control": "no-store" } });
  } catch (err) {
    console.error("search feed failed", err);
    return text("Search failed on the server.\n", 500);
  }
}
