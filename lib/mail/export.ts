// Writes patches as an mbox that `git mailsplit` / `git am` accept, with collected trailers
// added to the commit message's trailer block above the "---" line, the way `b4 am` lays
// them out (new trailers after the existing ones, none repeated). Pure.

export type ExportPatch = {
  messageId: string;
  fromName: string;
  fromEmail: string;
  date: string | null;
  subject: string;
  body: string;
};

const TRAILER_LINE = /^[A-Za-z][\w-]*:\s+\S/;

/** RFC 2047 encoded-word for non-ASCII header text (git mailinfo decodes it). */
export function encodeHeaderWord(text: string): string {
  if (/^[\x20-\x7e]*$/.test(text)) return text;
  const bytes = Buffer.from(text, "utf8");
  let out = "";
  for (const b of bytes) {
    const c = String.fromCharCode(b);
    out += /[A-Za-z0-9!*+\-/]/.test(c) ? c : b === 0x20 ? "_" : `=${b.toString(16).toUpperCase().padStart(2, "0")}`;
  }
  return `=?utf-8?q?${out}?=`;
}

function rfc2822Date(iso: string | null): string {
  return (iso ? new Date(iso) : new Date(0)).toUTCString().replace(/GMT$/, "+0000");
}

/** Insert trailers at the end of the commit message's trailer block (before "---"). */
export function addTrailersToBody(body: string, trailers: readonly string[]): string {
  const lines = body.replace(/\r\n?/g, "\n").split("\n");
  let sep = lines.findIndex((l) => /^---\s*$/.test(l));
  if (sep < 0) sep = lines.findIndex((l) => /^diff --git /.test(l));
  if (sep < 0) sep = lines.length;
  let end = sep;
  while (end > 0 && lines[end - 1].trim() === "") end--;
  const present = new Set(lines.slice(0, end).map((l) => l.trim().toLowerCase()));
  const toAdd = trailers.filter((t) => !present.has(t.trim().toLowerCase()));
  if (!toAdd.length) return body;
  // No trailer block yet: start one after a blank line.
  const lastIsTrailer = end > 0 && TRAILER_LINE.test(lines[end - 1]);
  const insert = lastIsTrailer ? toAdd : ["", ...toAdd];
  return [...lines.slice(0, end), ...insert, ...lines.slice(end)].join("\n");
}

/** mboxrd escaping: any line matching /^>*From / gets one more ">". */
function escapeFromLines(text: string): string {
  return text.replace(/^(>*From )/gm, ">$1");
}

export function formatPatchMbox(p: ExportPatch, trailers: readonly string[]): string {
  const name = p.fromName ? `${encodeHeaderWord(p.fromName)} <${p.fromEmail}>` : p.fromEmail;
  const body = addTrailersToBody(p.body, trailers).replace(/\n*$/, "\n");
  return [
    "From mboxrd@z Thu Jan  1 00:00:00 1970",
    `From: ${name}`,
    `Date: ${rfc2822Date(p.date)}`,
    `Subject: ${encodeHeaderWord(p.subject)}`,
    `Message-Id: <${p.messageId}>`,
    "MIME-Version: 1.0",
    'Content-Type: text/plain; charset="utf-8"',
    "Content-Transfer-Encoding: 8bit",
    "",
    escapeFromLines(body),
  ].join("\n");
}
