import { getReport } from "../lib/db/report";

// npm run report -- --json : one JSON document on stdout describing what is stored.

async function main() {
  const args = process.argv.slice(2);
  const report = await getReport();
  if (args.includes("--json")) {
    process.stdout.write(JSON.stringify(report, null, 2) + "\n");
    return;
  }
  for (const s of report.series) {
    console.log(`v${s.revision} ${s.title} — ${s.patches.length}/${s.total} patches, ${s.messages} messages (${s.coverMessageId ?? "no cover"})`);
  }
  if (report.failed.length) console.log(`${report.failed.length} message(s) failed to parse (stored raw)`);
  console.log("(use --json for the full document)");
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(`error: ${(err as Error).message}`);
    process.exit(1);
  },
);
