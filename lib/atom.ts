// Atom 1.0 documents for the feeds (search results, a series' new messages, a person's
// owed patches). Every string is escaped; mail text never becomes markup. Pure.

export type AtomEntry = {
  id: string;
  title: string;
  updated: string;
  author?: { name: string; email?: string };
  link: string;
  summary?: string;
};

export function escapeXml(s: string): string {
  return s
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}

export function buildAtomFeed(opts: { title: string; self: string; alternate: string; entries: AtomEntry[]; now?: Date }): string {
  const updated =
    opts.entries.reduce<string | null>((acc, e) => (e.updated && (!acc || e.updated > acc) ? e.updated : acc), null) ??
    (opts.now ?? new Date(0)).toISOString();
  const entries = opts.entries.map((e) =>
    [
      "<entry>",
      `<id>${escapeXml(e.id)}</id>`,
      `<title>${escapeXml(e.title || "(no subject)")}</title>`,
      `<updated>${escapeXml(e.updated || updated)}</updated>`,
      e.author ? `<author><name>${escapeXml(e.author.name || e.author.email || "")}</name>${e.author.email ? `<email>${escapeXml(e.author.email)}</email>` : ""}</author>` : "",
      `<link rel="alternate" type="text/html" href="${escapeXml(e.link)}"/>`,
      e.summary !== undefined ? `<summary type="text">${escapeXml(e.summary)}</summary>` : "",
      "</entry>",
    ].join(""),
  );
  return [
    `<?xml version="1.0" encoding="utf-8"?>`,
    `<feed xmlns="http://www.w3.org/2005/Atom">`,
    `<title>${escapeXml(opts.title)}</title>`,
    `<id>${escapeXml(opts.self)}</id>`,
    `<link rel="self" href="${escapeXml(opts.self)}"/>`,
    `<link rel="alternate" type="text/html" href="${escapeXml(opts.alternate)}"/>`,
    `<updated>${escapeXml(updated)}</updated>`,
    ...entries,
    `</feed>`,
    "",
  ].join("\n");
}

export function atomResponse(xml: string): Response {
  return new Response(xml, { headers: { "content-type": "application/atom+xml; charset=utf-8", "x-content-type-options": "nosniff" } });
}
