// Atom feed of a saved search (lore's `?q=...&x=A`), served at /search.atom?q=. PURE.
import { buildAtomFeed } from "../atom";
import type { SearchResult } from "../db/search";
import { hrefForMessage, snippetText } from "./snippet";

export { escapeXml } from "../atom";

export function buildSearchAtom(opts: { query: string; origin: string; results: SearchResult[]; now?: Date }): string {
  const { query, origin, results } = opts;
  return buildAtomFeed({
    title: `patchdash search: ${query}`,
    self: `${origin}/search.atom?q=${encodeURIComponent(query)}`,
    alternate: `${origin}/search?q=${encodeURIComponent(query)}&sort=date`,
    now: opts.now,
    entries: results.map((r) => ({
      id: `${origin}/message/${encodeURIComponent(r.messageId)}`,
      title: r.subject,
      updated: r.date ?? "",
      author: { name: r.from.name || r.from.email, email: r.from.email || undefined },
      link: origin + hrefForMessage(r.messageId, r.patch?.id ?? null),
      summary: snippetText(r.snippet),
    })),
  });
}
