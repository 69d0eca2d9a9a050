// `d:` values: absolute dates and a small, predictable part of git's approxidate (which lore accepts).
// PURE. All dates are UTC, like Message.date.
//
//   d:2024-08-01..2024-08-31   both ends inclusive by day: [2024-08-01T00:00Z, 2024-09-01T00:00Z)
//   d:2024-08-01..             from that day on         d:..2024-08-01   up to the end of that day
//   d:2024-08 / d:2024         that month / year        d:20240801       compact form
//   d:last.week..              since 7 days ago (also last.month, last.year, N.days.ago, N.weeks.ago, ...)
//   d:yesterday / d:today      that UTC day; a lone relative value means "since then"

export type DateRangeResult = { ok: true; from: string | null; to: string | null } | { ok: false; error: string };

type Point = { start: Date; end: Date | null /* exclusive end of the period, null for an instant */ };

const DAY = 86_400_000;
const UNIT_MS: Record<string, number> = {
  second: 1000,
  minute: 60_000,
  hour: 3_600_000,
  day: DAY,
  week: 7 * DAY,
};

function utc(y: number, m: number, d: number): Date {
  return new Date(Date.UTC(y, m - 1, d));
}

function validDay(y: number, m: number, d: number): boolean {
  const t = utc(y, m, d);
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

function minusMonths(now: Date, months: number): Date {
  const t = new Date(now.getTime());
  t.setUTCMonth(t.getUTCMonth() - months);
  return t;
}

function startOfDay(t: Date): Date {
  return utc(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

function parsePoint(raw: string, now: Date): Point | string {
  const s = raw.trim().toLowerCase().replace(/[\s_-]+(?=[a-z])|(?<=[a-z])[\s_-]+/g, ".");
  let m: RegExpExecArray | null;

  if ((m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s)) || (m = /^(\d{4})(\d{2})(\d{2})$/.exec(s))) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (y < 1970 || y > 9999 || !validDay(y, mo, d)) return `"${raw}" is not a calendar date.`;
    const start = utc(y, mo, d);
    return { start, end: new Date(start.getTime() + DAY) };
  }
  if ((m = /^(\d{4})-(\d{1,2})$/.exec(s))) {
    const [y, mo] = [Number(m[1]), Number(m[2])];
    if (y < 1970 || y > 9999 || mo < 1 || mo > 12) return `"${raw}" is not a month (write 2024-08).`;
    return { start: utc(y, mo, 1), end: utc(y, mo + 1, 1) };
  }
  if ((m = /^(\d{4})$/.exec(s))) {
    const y = Number(m[1]);
    if (y < 1970 || y > 9999) return `"${raw}" is not a year we have mail for.`;
    return { start: utc(y, 1, 1), end: utc(y + 1, 1, 1) };
  }
  if (/^\d{4}-\d{2}-\d{2}t\d{2}:\d{2}(:\d{2}(\.\d+)?)?z?$/.test(s)) {
    const t = new Date(s.toUpperCase().endsWith("Z") ? s.toUpperCase() : s.toUpperCase() + "Z");
    if (Number.isNaN(t.getTime())) return `"${raw}" is not a date and time.`;
    return { start: t, end: null };
  }
  if (s === "now") return { start: now, end: null };
  if (s === "today") {
    const start = startOfDay(now);
    return { start, end: new Date(start.getTime() + DAY) };
  }
  if (s === "yesterday") {
    const start = new Date(startOfDay(now).getTime() - DAY);
    return { start, end: new Date(start.getTime() + DAY) };
  }
  if ((m = /^last\.(week|month|year|day)$/.exec(s))) {
    const unit = m[1];
    if (unit === "month") return { start: minusMonths(now, 1), end: null };
    if (unit === "year") return { start: minusMonths(now, 12), end: null };
    return { start: new Date(now.getTime() - UNIT_MS[unit]), end: null };
  }
  if ((m = /^(\d{1,4})\.?(second|minute|hour|day|week|month|year)s?(\.ago)?$/.exec(s))) {
    const k = Number(m[1]);
    const unit = m[2];
    if (unit === "month") return { start: minusMonths(now, k), end: null };
    if (unit === "year") return { start: minusMonths(now, 12 * k), end: null };
    return { start: new Date(now.getTime() - k * UNIT_MS[unit]), end: null };
  }
  return `"${raw}" is not a date. Use 2024-08-01, 2024-08, 2024, yesterday, last.week or 2.weeks.ago.`;
}

/** Parse the value of a `d:` filter into a half-open UTC range [from, to). */
export function parseDateRange(value: string, now: Date): DateRangeResult {
  const v = value.trim();
  if (v === "" || v === "..") return { ok: false, error: `d: needs a date or a range, e.g. d:2024-08-01..2024-08-31.` };
  const dots = v.indexOf("..");
  if (dots < 0) {
    const p = parsePoint(v, now);
    if (typeof p === "string") return { ok: false, error: p };
    // A lone period (a day, month, year) is that period; a lone instant (last.week) means "since then".
    return { ok: true, from: p.start.toISOString(), to: p.end ? p.end.toISOString() : null };
  }
  if (v.indexOf("..", dots + 2) >= 0) return { ok: false, error: `d:${v} has more than one "..".` };
  const left = v.slice(0, dots);
  const right = v.slice(dots + 2);
  let from: Date | null = null;
  let to: Date | null = null;
  if (left) {
    const p = parsePoint(left, now);
    if (typeof p === "string") return { ok: false, error: p };
    from = p.start;
  }
  if (right) {
    const p = parsePoint(right, now);
    if (typeof p === "string") return { ok: false, error: p };
    // The end is inclusive by day/month/year: d:..2024-08-01 includes all of August 1st.
    to = p.end ?? p.start;
  }
  if (from && to && from.getTime() >= to.getTime()) {
    return { ok: false, error: `d:${v} is an empty range: the first date is not before the second.` };
  }
  return { ok: true, from: from ? from.toISOString() : null, to: to ? to.toISOString() : null };
}
