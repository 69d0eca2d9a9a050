import { getDatabase } from "../lib/db/sqlite";
import { indexStoredMessages } from "../lib/db/search-index";
import { databaseFileFromUrl } from "../lib/env";
import { ingestPaths } from "../lib/ingest";

// npm run ingest -- <path>... : mbox files, .eml files, .gz, or folders of them.

const USAGE = "usage: npm run ingest -- <mbox|eml|folder>... [--quiet]";

async function main() {
  const args = process.argv.slice(2);
  const quiet = args.includes("--quiet");
  const paths = args.filter((a) => !a.startsWith("--"));
  if (args.includes("--help") || paths.length === 0) {
    console.error(USAGE);
    process.exit(paths.length === 0 && !args.includes("--help") ? 2 : 0);
  }
  const db = getDatabase();
  let last = 0;
  const summary = await ingestPaths(paths, {
    db,
    onStored: indexStoredMessages,
    onProgress: (p) => {
      if (quiet || p.read - last < 1000) return;
      last = p.read;
      process.stderr.write(`  ${p.read} read, ${p.new} new, ${p.duplicate} already present, ${p.failed} failed (${p.file})\n`);
    },
  });
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
  process.exit(summary.errors.length ? 1 : 0);
}

main().catch((err) => {
  console.error(`error: ${(err as Error).message}`);
  process.exit(1);
});
