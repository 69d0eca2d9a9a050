// Atom feed of a saved search (lore's `?q=...&x=A`), served at /search.atom?q=. PURE.
import type { SearchResult } from "../db/search";
import { hrefForMessage, snippetText } from "./snippet";

export function escapeXml(s: string): string {
  return s
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}

export function buildSearchAtom(opts: { query: string; origin: string; results: SearchResult[]; now?: Date }): string {
  const { query, origin, results } = opts;
  const self = `${origin}/search.atom?q=${encodeURIComponent(query)}`;
  const html = `${origin}/search?q=${encodeURIComponent(query)}&sort=date`;
  const updated = results.reduce<string | null>((acc, r) => (r.date && (!acc || r.date > acc) ? r.date : acc), null) ??
    (opts.now ?? new Date(0)).toISOString();
  const entries = results.map((r) => {
    const link = origin + hrefForMessage(r.messageId, r.patch?.id ?? null);
    return [
      "<entry>",
      `<id>${escapeXml(`${origin}/message/${encodeURIComponent(r.messageId)}`)}</id>`,
      `<title>${escapeXml(r.subject || "(no subject)")}</title>`,
      `<updated>${escapeXml(r.date ?? updated)}</updated>`,
      `<author><name>${escapeXml(r.from.name || r.from.email)}</name>${r.from.email ? `<email>${escapeXml(r.from.email)}</email>` : ""}</author>`,
      `<link rel="alternate" type="text/html" href="${escapeXml(link)}"/>`,
      `<summary type="text">${escapeXml(snippetText(r.snippet))}</summary>`,
      "</entry>",
    ].join("");
  });
  return [
    `<?xml version="1.0" encoding="utf-8"?>`,
    `<feed xmlns="http://www.w3.org/2005/Atom">`,
    `<title>${escapeXml(`patchdash search: ${query}`)}</title>`,
    `<id>${escapeXml(self)}</id>`,
    `<link rel="self" href="${escapeXml(self)}"/>`,
    `<link rel="alternate" type="text/html" href="${escapeXml(html)}"/>`,
    `<updated>${escapeXml(updated)}</updated>`,
    ...entries,
    `</feed>`,
    "",
  ].join("\n");
}
