import { openDatabase } from "../../lib/db/sqlite";
import { indexStoredMessages } from "../../lib/db/search-index";
import { ingestPaths } from "../../lib/ingest";

// Child process of scripts/bench.ts: ingest files into one SQLite file (search index included,
// through the onStored hook) and print one JSON line with the summary, the time breakdown and
// this process's peak RSS. A process of its own so the peak RSS is the ingest's alone.
//   tsx scripts/bench/ingest-run.ts <db file> <mbox>...

async function main() {
  const [dbFile, ...files] = process.argv.slice(2);
  if (!dbFile || files.length === 0) throw new Error("usage: ingest-run.ts <db file> <mbox>...");
  let peakRss = 0;
  const sample = () => (peakRss = Math.max(peakRss, process.memoryUsage().rss));
  // The peak while reading, parsing and storing (derive runs after the last progress call).
  let ingestPeakRss = 0;
  const progress = () => {
    sample();
    ingestPeakRss = peakRss;
  };
  const timer = setInterval(sample, 100);
  const t0 = performance.now();
  const db = openDatabase(dbFile);
  const workers = process.env.BENCH_WORKERS ? Number(process.env.BENCH_WORKERS) : undefined;
  const s = await ingestPaths(files, { db, onStored: indexStoredMessages, onProgress: progress, workers });
  const wallMs = performance.now() - t0;
  db.close();
  clearInterval(timer);
  sample();
  const out = {
    read: s.read,
    new: s.new,
    duplicate: s.duplicate,
    failed: s.failed.length,
    errors: s.errors,
    derived: s.derived,
    seconds: s.seconds,
    wallMs,
    timings: s.timings,
    parallel: s.parallel,
    // CPU of every thread (user + system): steadier than wall time on a shared machine.
    cpuMs: (() => {
      const c = process.cpuUsage();
      return (c.user + c.system) / 1000;
    })(),
    // resourceUsage().maxRSS is in kilobytes, and covers every thread of the process.
    maxRssBytes: Math.max(process.resourceUsage().maxRSS * 1024, peakRss),
    sampledPeakRssBytes: peakRss,
    sampledPeakRssBeforeDeriveBytes: ingestPeakRss,
  };
  process.stdout.write(JSON.stringify(out) + "\n");
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(`error: ${(err as Error).stack ?? err}`);
    process.exit(1);
  },
);
