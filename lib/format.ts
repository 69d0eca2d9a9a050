// Small display helpers shared by pages, feeds and the CLI. Pure.

/** "2024-07-26T23:51:09.000Z" -> "2024-07-26 23:51" (UTC, as lore shows dates). */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return "—";
  return iso.slice(0, 16).replace("T", " ");
}

export function formatDay(iso: string | null | undefined): string {
  return iso ? iso.slice(0, 10) : "—";
}

export function loreUrl(messageId: string): string {
  return `https://lore.kernel.org/r/${encodeURIComponent(messageId)}`;
}

export function rawUrl(messageId: string): string {
  return `/message/${encodeURIComponent(messageId)}/raw`;
}

export function parseJsonArray(text: string): string[] {
  try {
    const v = JSON.parse(text) as unknown;
    return Array.isArray(v) ? v.map(String) : [];
  } catch {
    return [];
  }
}

/** Route params arrive as strings; only positive integers are ids. */
export function parseId(raw: string): number | null {
  return /^\d{1,9}$/.test(raw) && Number(raw) > 0 ? Number(raw) : null;
}

/** A plain address as routes and filters accept it (bounded; no spaces or angle brackets). */
export function isEmailAddress(text: string): boolean {
  return /^[^\s@<>]{1,200}@[^\s@<>]{1,200}$/.test(text);
}
