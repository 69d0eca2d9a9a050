import { getReport } from "../lib/db/report";

// npm run report -- --json : one JSON document on stdout describing what is stored.

/** Exit only once stdout has taken everything: a pipe takes 64 KiB at a time, and exiting early cuts the JSON. */
function writeAndExit(text: string, code = 0): void {
  process.stdout.write(text, () => process.exit(code));
}

async function main() {
  const args = process.argv.slice(2);
  const report = await getReport();
  if (args.includes("--json")) {
    writeAndExit(JSON.stringify(report, null, 2) + "\n");
    return;
  }
  const lines = report.series.map(
    (s) => `v${s.revision} ${s.title} — ${s.patches.length}/${s.total} patches, ${s.messages} messages (${s.coverMessageId ?? "no cover"})`,
  );
  if (report.failed.length) lines.push(`${report.failed.length} message(s) failed to parse (stored raw)`);
  lines.push("(use --json for the full document)");
  writeAndExit(lines.join("\n") + "\n");
}

main().catch((err) => {
  console.error(`error: ${(err as Error).message}`);
  process.exit(1);
});
