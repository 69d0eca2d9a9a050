import { readFileSync } from "node:fs";
import { rebuildDerived } from "../lib/db/derive";
import { saveMaintainersFile } from "../lib/db/maintainers";
import { indexStoredMessages } from "../lib/db/search-index";
import { getDatabase } from "../lib/db/sqlite";
import { databaseFileFromUrl } from "../lib/env";
import { downloadThread, isThreadUrl } from "../lib/fetch-thread";
import { ingestPaths } from "../lib/ingest";

// npm run ingest -- <path>... : mbox files, .eml files, .gz, or folders of them.
// npm run ingest -- https://lore.kernel.org/all/<msgid>/ : a public-inbox thread (needs a network).
// npm run ingest -- --maintainers <file> : use another MAINTAINERS file (re-derives owed acks).

const USAGE = "usage: npm run ingest -- [--maintainers <MAINTAINERS file>] [--quiet] <mbox|eml|folder|thread URL>...";

function parseArgs(args: string[]) {
  const paths: string[] = [];
  let maintainers: string | null = null;
  let quiet = false;
  let help = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === "--maintainers") {
      maintainers = args[++i] ?? null;
      if (!maintainers) throw new Error("--maintainers needs a file");
    } else if (a === "--quiet") quiet = true;
    else if (a === "--help" || a === "-h") help = true;
    else if (a.startsWith("--")) throw new Error(`unknown option ${a}`);
    else paths.push(a);
  }
  return { paths, maintainers, quiet, help };
}

async function main() {
  let opts: ReturnType<typeof parseArgs>;
  try {
    opts = parseArgs(process.argv.slice(2));
  } catch (err) {
    console.error(`error: ${(err as Error).message}\n${USAGE}`);
    process.exit(2);
  }
  if (opts.help || (opts.paths.length === 0 && !opts.maintainers)) {
    console.error(USAGE);
    process.exit(opts.help ? 0 : 2);
  }
  const db = getDatabase();
  if (opts.maintainers) {
    let text: string;
    try {
      text = readFileSync(opts.maintainers, "utf8");
    } catch (err) {
      console.error(`error: ${opts.maintainers}: cannot read: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
      process.exit(1);
    }
    const { sections } = saveMaintainersFile(db, opts.maintainers, text);
    console.log(`MAINTAINERS: ${sections} sections from ${opts.maintainers}`);
    if (opts.paths.length === 0) {
      const d = rebuildDerived(db);
      console.log(`re-derived ${d.series} series, ${d.patches} patches`);
      db.close();
      return;
    }
  }
  const paths: string[] = [];
  for (const p of opts.paths) {
    if (!isThreadUrl(p)) {
      paths.push(p);
      continue;
    }
    try {
      process.stderr.write(`fetching ${p} ...\n`);
      paths.push(await downloadThread(p));
    } catch (err) {
      console.error(`error: ${(err as Error).message}`);
      process.exitCode = 1;
    }
  }
  let last = 0;
  const summary = await ingestPaths(paths, {
    db,
    onStored: indexStoredMessages,
    onProgress: (p) => {
      if (opts.quiet || p.read - last < 1000) return;
      last = p.read;
      process.stderr.write(`  ${p.read} read, ${p.new} new, ${p.duplicate} already present, ${p.failed} failed (${p.file})\n`);
    },
  });
  // A new MAINTAINERS file changes owed acks even when no message is new.
  if (opts.maintainers && !summary.derived) summary.derived = rebuildDerived(db);
  for (const e of summary.errors) console.error(`error: ${e.path}: ${e.reason}`);
  for (const f of summary.failed) console.error(`failed: ${f.source} <${f.messageId}>: ${f.reason} (stored raw)`);
  const rate = summary.seconds > 0 ? Math.round(summary.read / summary.seconds) : 0;
  console.log(
    `${summary.read} messages read, ${summary.new} new, ${summary.duplicate} already present, ${summary.failed.length} failed` +
      ` from ${summary.files} file(s) into ${databaseFileFromUrl()} in ${summary.seconds.toFixed(2)} s (${rate}/s)`,
  );
  if (summary.derived) console.log(`${summary.derived.series} series, ${summary.derived.patches} patches, ${summary.derived.trailers} trailers`);
  if (summary.skipped.length) console.log(`skipped ${summary.skipped.length} non-mail file(s) in folders`);
  db.close();
  // No process.exit here: it can cut output still on its way into a pipe.
  process.exitCode = summary.errors.length || process.exitCode ? 1 : 0;
}

main().catch((err) => {
  console.error(`error: ${(err as Error).message}`);
  process.exit(1);
});
