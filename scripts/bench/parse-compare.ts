import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { isDeepStrictEqual } from "node:util";
import { gunzipSync } from "node:zlib";
import { fastParseFields } from "../../lib/mail/fast-parse";
import { looksLikeMessage, splitMbox } from "../../lib/mail/mbox";
import { parseMessage } from "../../lib/mail/parse-message";

// The fast path must give the SAME ParsedMessage as mailparser. This parses every message of the
// given files/folders (default: the whole shared corpus, bulk archive included) both ways and
// prints how many took the fast path, every difference, and the CPU time of each path.
//   tsx scripts/bench/parse-compare.ts [file|folder]...   (exit 1 on any difference)

const CORPUS = path.resolve(__dirname, "../../../shared/corpus");

function listFiles(p: string): string[] {
  const st = statSync(p);
  if (!st.isDirectory()) return [p];
  return readdirSync(p)
    .sort()
    .flatMap((e) => listFiles(path.join(p, e)));
}

/** Raw messages of one file, as the ingester sees them (gzip, mbox or a bare message). */
export function messagesOf(file: string): Buffer[] {
  let buf = readFileSync(file);
  if (buf[0] === 0x1f && buf[1] === 0x8b) buf = gunzipSync(buf);
  return splitMbox(buf).filter((m) => looksLikeMessage(m));
}

export type CompareResult = { messages: number; fast: number; diffs: { source: string; field: string; mailparser: unknown; fast: unknown }[]; fastMs: number; slowMs: number };

/** Compare the two paths on raw messages; only fast-path hits are compared (a miss runs mailparser both ways). */
export async function compareMessages(raws: { source: string; raw: Buffer }[]): Promise<CompareResult> {
  const out: CompareResult = { messages: 0, fast: 0, diffs: [], fastMs: 0, slowMs: 0 };
  for (const { source, raw } of raws) {
    out.messages++;
    const t0 = performance.now();
    const hit = fastParseFields(raw) !== null;
    const fast = await parseMessage(raw);
    const t1 = performance.now();
    const slow = await parseMessage(raw, { fast: false });
    const t2 = performance.now();
    out.fastMs += t1 - t0;
    out.slowMs += t2 - t1;
    if (!hit) continue;
    out.fast++;
    if (isDeepStrictEqual(fast, slow)) continue;
    const a = fast.ok ? fast.message : fast;
    const b = slow.ok ? slow.message : slow;
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const k of keys) {
      const va = (a as Record<string, unknown>)[k];
      const vb = (b as Record<string, unknown>)[k];
      if (!isDeepStrictEqual(va, vb)) out.diffs.push({ source, field: k, mailparser: vb, fast: va });
    }
  }
  return out;
}

async function main() {
  const args = process.argv.slice(2);
  const files = (args.length ? args : [CORPUS]).flatMap(listFiles);
  let total: CompareResult = { messages: 0, fast: 0, diffs: [], fastMs: 0, slowMs: 0 };
  for (const file of files) {
    const raws = messagesOf(file).map((raw, i) => ({ source: `${path.relative(CORPUS, file)}#${i + 1}`, raw }));
    if (!raws.length) continue;
    const r = await compareMessages(raws);
    console.log(`${path.relative(CORPUS, file)}: ${r.messages} messages, ${r.fast} fast path, ${r.diffs.length} differences`);
    total = { messages: total.messages + r.messages, fast: total.fast + r.fast, diffs: [...total.diffs, ...r.diffs], fastMs: total.fastMs + r.fastMs, slowMs: total.slowMs + r.slowMs };
  }
  for (const d of total.diffs.slice(0, 40)) {
    const show = (v: unknown) => JSON.stringify(v)?.slice(0, 300);
    console.log(`DIFF ${d.source} ${d.field}\n  mailparser: ${show(d.mailparser)}\n  fast:       ${show(d.fast)}`);
  }
  console.log(
    `total: ${total.messages} messages, ${total.fast} (${((100 * total.fast) / Math.max(1, total.messages)).toFixed(1)}%) on the fast path, ` +
      `${total.diffs.length} differing fields; parse with fast path ${(total.fastMs / 1000).toFixed(2)} s, mailparser only ${(total.slowMs / 1000).toFixed(2)} s`,
  );
  if (total.diffs.length) process.exitCode = 1;
}

// Run as a script only (the vitest test imports the helpers above).
if (typeof require !== "undefined" && require.main === module) main().catch((err) => {
  console.error(err);
  process.exit(1);
});
