// Splits a mail body into the blocks a reader folds or colours: quoted runs (^>),
// the signature (after "-- "), diff text, and the author's own words. Pure, so the
// page and the tests use the same rules.

export type BodyBlock =
  | { type: "text"; text: string }
  | { type: "quote"; text: string; lines: number }
  | { type: "signature"; text: string; lines: number }
  | { type: "diff"; text: string; lines: number };

/** Quoted runs this short stay open: folding one line hides context without saving space. */
export const FOLD_QUOTES_OVER = 3;

export function splitBodyBlocks(body: string): BodyBlock[] {
  // Leading and trailing blank lines carry nothing (maobibo's mailer starts replies with two).
  const lines = body.replace(/^(?:[ \t]*\n)+/, "").replace(/\n+$/, "").split("\n");
  const blocks: BodyBlock[] = [];
  let i = 0;
  const push = (type: BodyBlock["type"], chunk: string[]) => {
    if (!chunk.length) return;
    const text = chunk.join("\n");
    if (type === "text") {
      const last = blocks[blocks.length - 1];
      if (last?.type === "text") last.text += "\n" + text;
      else blocks.push({ type, text });
    } else blocks.push({ type, text, lines: chunk.length });
  };
  let text: string[] = [];
  while (i < lines.length) {
    const line = lines[i];
    if (/^>/.test(line)) {
      push("text", text);
      text = [];
      const q: string[] = [];
      while (i < lines.length && /^>/.test(lines[i])) q.push(lines[i++]);
      push("quote", q);
      continue;
    }
    if (line === "-- " || line === "--") {
      push("text", text);
      push("signature", lines.slice(i));
      return blocks;
    }
    if (/^diff --git |^--- \S/.test(line) && (lines[i + 1]?.startsWith("+++ ") || line.startsWith("diff --git "))) {
      push("text", text);
      text = [];
      const d: string[] = [];
      // The diff runs to the end, except a trailing signature ("-- \n2.46.0").
      while (i < lines.length && !(lines[i] === "-- " && i >= lines.length - 4)) d.push(lines[i++]);
      push("diff", d);
      continue;
    }
    text.push(line);
    i++;
  }
  push("text", text);
  return blocks;
}
