// Reading ?q=&sort=&page=&n= the same way in the page, the JSON API and the Atom feed. PURE.

export type SearchParams = { q: string; sort: "relevance" | "date"; page: number; pageSize: number };

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;
export const MAX_PAGE = 500;

type Source = URLSearchParams | Record<string, string | string[] | undefined>;

function first(src: Source, key: string): string | undefined {
  if (src instanceof URLSearchParams) return src.get(key) ?? undefined;
  const v = src[key];
  return Array.isArray(v) ? v[0] : v;
}

function int(raw: string | undefined, min: number, max: number, dflt: number): number {
  if (raw === undefined || !/^\d{1,6}$/.test(raw.trim())) return dflt;
  return Math.min(max, Math.max(min, Number(raw)));
}

export function parseSearchParams(src: Source): SearchParams {
  const sort = first(src, "sort") === "date" ? "date" : "relevance";
  return {
    q: (first(src, "q") ?? "").slice(0, 10_000),
    sort,
    page: int(first(src, "page"), 1, MAX_PAGE, 1),
    pageSize: int(first(src, "n"), 1, MAX_PAGE_SIZE, DEFAULT_PAGE_SIZE),
  };
}

/** /search?q=...&sort=...&page=... with defaults left out. */
export function searchHref(p: Partial<SearchParams> & { q: string }, base = "/search"): string {
  const u = new URLSearchParams({ q: p.q });
  if (p.sort === "date") u.set("sort", "date");
  if (p.page && p.page > 1) u.set("page", String(p.page));
  if (p.pageSize && p.pageSize !== DEFAULT_PAGE_SIZE) u.set("n", String(p.pageSize));
  return `${base}?${u.toString()}`;
}
