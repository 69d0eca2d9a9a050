import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { startServer, stats, timeGet, type Server } from "./bench/http";
import { writeRewrittenCopy } from "./bench/scale10";

// npm run bench [-- --scale10] [--skip-ingest] [--skip-http] [--skip-sim] [--keep]
// A benchmark, not a test: prints numbers, asserts nothing. Targets from the issues:
// ingest >= 1,500 messages/s and peak RSS < 500 MB on the bulk archive; v12 ingest + report
// faster than b4 am (1.0 s); series/patch pages < 200 ms; search p95 < 50 ms.

const ROOT = path.resolve(__dirname, "..");
const TSX = path.join(ROOT, "node_modules/.bin/tsx");
// How npm run ingest/report start (package.json): node with tsx's loader, one process (the tsx CLI adds a second).
const NODE_TSX = [process.execPath, ["--import", "tsx"]] as const;
const BULK = path.resolve(ROOT, "../shared/corpus/bulk/linux-mips-recent.mboxrd.gz");
const V12 = path.resolve(ROOT, "../shared/corpus/lore-v12/v12-thread.linux-mips.mbox");
const DATA_MBOXES = ["data/v12-thread.linux-mips.mbox", "data/v13-thread.linux-mips.mbox"].map((f) => path.join(ROOT, f));
const PAGE_REQUESTS = 20;
const SEARCH_ROUNDS = 5;

const args = new Set(process.argv.slice(2));
const tmp = mkdtempSync(path.join(os.tmpdir(), "patchdash-bench-"));
const servers: Server[] = [];

type IngestRun = {
  read: number;
  new: number;
  duplicate: number;
  failed: number;
  errors: { path: string; reason: string }[];
  derived: { series: number; patches: number; trailers: number } | null;
  seconds: number;
  wallMs: number;
  timings: Record<string, number>;
  parallel?: { workers: number; fallbackMessages: number };
  cpuMs?: number;
  maxRssBytes: number;
};

function run(cmd: string, argv: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string; ms: number }> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const c = spawn(cmd, argv, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    c.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    c.stderr.on("data", (d: Buffer) => (stderr = (stderr + d.toString()).slice(-20000)));
    c.on("error", reject);
    c.on("exit", (code) => resolve({ code: code ?? 1, stdout, stderr, ms: performance.now() - t0 }));
  });
}

async function ingestInChild(dbFile: string, files: string[]): Promise<IngestRun> {
  const r = await run(TSX, [path.join(__dirname, "bench/ingest-run.ts"), dbFile, ...files]);
  if (r.code !== 0) throw new Error(`ingest of ${files.join(", ")} failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split("\n").pop()!) as IngestRun;
}

const mb = (b: number) => `${(b / 1024 / 1024).toFixed(0)} MB`;
const ms = (x: number) => `${x.toFixed(1)} ms`;

function printIngest(label: string, r: IngestRun) {
  const rate = r.read / r.seconds;
  console.log(
    `${label}: ${r.read} read (${r.new} new, ${r.duplicate} duplicate, ${r.failed} failed) in ${r.seconds.toFixed(2)} s` +
      ` = ${rate.toFixed(0)} messages/s; peak RSS ${mb(r.maxRssBytes)}` +
      (r.cpuMs ? `; CPU ${(r.cpuMs / 1000).toFixed(1)} s (all threads, process start included)` : ""),
  );
  console.log(`  load average at the end: ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores (other work on the machine slows every number)`);
  if (r.parallel) console.log(`  parse workers: ${r.parallel.workers}${r.parallel.fallbackMessages ? ` (${r.parallel.fallbackMessages} messages parsed in process after a worker failed)` : ""}`);
  if (r.errors.length) console.log(`  errors: ${JSON.stringify(r.errors)}`);
  if (r.derived) console.log(`  derived: ${r.derived.series} series, ${r.derived.patches} patches, ${r.derived.trailers} trailers`);
  const t = r.timings;
  const total = r.seconds * 1000;
  const parts = Object.entries(t)
    .filter(([, v]) => v > 0)
    .map(([k, v]) => `${k} ${(v / 1000).toFixed(2)} s (${((100 * v) / total).toFixed(0)}%)`);
  console.log(`  breakdown: ${parts.join(", ")}`);
  console.log("  (split/store/index/derive/wait are main-thread time; with workers, parse is summed over workers and overlaps the rest)");
}

async function benchIngest(): Promise<string | null> {
  console.log("\n== a. ingest ==");
  let bulkDb: string | null = null;
  if (existsSync(BULK)) {
    bulkDb = path.join(tmp, "bulk.db");
    printIngest("bulk linux-mips archive", await ingestInChild(bulkDb, [BULK]));
  } else console.log(`skip bulk ingest: ${BULK} is missing`);

  if (existsSync(V12)) {
    printIngest("v12 thread", await ingestInChild(path.join(tmp, "v12.db"), [V12]));
    // End to end as a user runs it: two CLI processes (startup included), like `b4 am`.
    const times: number[] = [];
    for (let i = 0; i < 3; i++) {
      const db = path.join(tmp, `v12-e2e-${i}.db`);
      const env = { DATABASE_URL: `file:${db}` };
      const a = await run(NODE_TSX[0], [...NODE_TSX[1], "scripts/ingest.ts", "--quiet", V12], env);
      if (a.code !== 0) throw new Error(`ingest CLI failed: ${a.stderr}`);
      const b = await run(NODE_TSX[0], [...NODE_TSX[1], "scripts/report.ts", "--json"], env);
      if (b.code !== 0) throw new Error(`report CLI failed: ${b.stderr}`);
      times.push(a.ms + b.ms);
      if (i === 0) console.log(`  v12 CLI run 1: ingest ${ms(a.ms)} + report ${ms(b.ms)}`);
    }
    const s = stats(times);
    console.log(`v12 ingest + report --json end to end (2 processes): best ${ms(Math.min(...times))}, median ${ms(s.p50)} of ${times.length} (b4 am: 1000 ms)`);
  } else console.log(`skip v12 ingest: ${V12} is missing`);
  return bulkDb;
}

async function loadBenchRequests(): Promise<readonly string[] | null> {
  try {
    const mod = (await import("../lib/search/bench-queries")) as { BENCH_REQUESTS?: readonly string[]; BENCH_QUERIES?: readonly string[] };
    if (mod.BENCH_REQUESTS?.length) return mod.BENCH_REQUESTS;
    if (mod.BENCH_QUERIES?.length) return mod.BENCH_QUERIES.map((q) => `/api/search?q=${encodeURIComponent(q)}`);
  } catch (err) {
    console.log(`skip search: lib/search/bench-queries.ts not loadable (${(err as Error).message})`);
    return null;
  }
  console.log("skip search: lib/search/bench-queries.ts exports no queries");
  return null;
}

async function benchSearch(label: string, server: Server) {
  const reqs = await loadBenchRequests();
  if (!reqs) return;
  for (const r of reqs) await timeGet(server.base + r); // warm-up (also builds any lazy index)
  const times: number[] = [];
  for (let round = 0; round < SEARCH_ROUNDS; round++) for (const r of reqs) times.push(await timeGet(server.base + r));
  const s = stats(times);
  console.log(`search ${label}: ${reqs.length} requests x ${SEARCH_ROUNDS}: p50 ${ms(s.p50)}, p95 ${ms(s.p95)}, max ${ms(s.max)} (aim p95 < 50 ms)`);
}

function findV12(dbFile: string): { seriesId: number; patchId: number } | null {
  const db = new Database(dbFile, { readonly: true });
  try {
    const row = db
      .prepare(
        `SELECT s.id AS seriesId, p.id AS patchId FROM "Series" s JOIN "Patch" p ON p.seriesId = s.id
         WHERE s.coverMessageId = '20240726235234.228822-1-seanjc@google.com' AND p.number = 64`,
      )
      .get() as { seriesId: number; patchId: number } | undefined;
    return row ?? null;
  } finally {
    db.close();
  }
}

async function benchHttp(bulkDb: string | null) {
  console.log("\n== b/c. pages and search over HTTP (next start) ==");
  let db: string;
  if (bulkDb) {
    db = bulkDb;
    const r = await ingestInChild(db, DATA_MBOXES);
    console.log(`database: bulk archive + data/v12 + data/v13 (${r.new} new, ${r.duplicate} already present)`);
  } else {
    db = path.join(tmp, "data.db");
    await ingestInChild(db, DATA_MBOXES);
    console.log("database: data/v12 + data/v13 only (bulk archive missing)");
  }
  const ids = findV12(db);
  const server = await startServer(db);
  servers.push(server);
  try {
    if (ids) {
      for (const [name, url] of [
        [`/series/${ids.seriesId}`, `${server.base}/series/${ids.seriesId}`],
        [`/patch/${ids.patchId} (v12 64/84)`, `${server.base}/patch/${ids.patchId}`],
      ]) {
        for (let i = 0; i < 3; i++) await timeGet(url);
        const times: number[] = [];
        for (let i = 0; i < PAGE_REQUESTS; i++) times.push(await timeGet(url));
        const s = stats(times);
        console.log(`page ${name}: n=${s.n} p50 ${ms(s.p50)}, p95 ${ms(s.p95)}, max ${ms(s.max)} (aim < 200 ms)`);
      }
    } else console.log("skip pages: the v12 series (cover 20240726235234.228822-1-seanjc@google.com) is not in the database");
    await benchSearch("1x", server);
  } finally {
    await server.stop();
  }
}

async function benchScale10() {
  console.log("\n== c. search at 10x (--scale10) ==");
  if (!existsSync(BULK)) return console.log(`skip --scale10: ${BULK} is missing`);
  const copies: string[] = [];
  const t0 = performance.now();
  for (let c = 0; c < 10; c++) {
    const out = path.join(tmp, `bulk-copy-${c}.mbox.gz`);
    await writeRewrittenCopy(BULK, out, c);
    copies.push(out);
  }
  console.log(`wrote 10 copies with rewritten Message-IDs in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  const db = path.join(tmp, "scale10.db");
  printIngest("10x bulk archive", await ingestInChild(db, [...copies, ...DATA_MBOXES]));
  for (const f of copies) rmSync(f, { force: true });
  const server = await startServer(db);
  servers.push(server);
  try {
    await benchSearch("10x", server);
  } finally {
    await server.stop();
  }
}

async function benchSim() {
  console.log("\n== d. simulator explorer ==");
  let mod: { benchExplorer?: () => { statesPerSecond: number; totalStates: number; totalMs: number; rows: { arch: string; policy: string; states: number; statesPerSecond: number }[] } };
  try {
    mod = await import("../lib/sim/bench");
  } catch {
    try {
      mod = await import("../lib/sim");
    } catch (err) {
      return console.log(`skip simulator: lib/sim not loadable (${(err as Error).message})`);
    }
  }
  if (typeof mod.benchExplorer !== "function") return console.log("skip simulator: lib/sim exports no benchExplorer");
  const r = mod.benchExplorer();
  console.log(`explorer: ${r.totalStates} states in ${ms(r.totalMs)} = ${r.statesPerSecond.toFixed(0)} states/s`);
  for (const row of r.rows) console.log(`  ${row.arch}/${row.policy}: ${row.states} states, ${row.statesPerSecond.toFixed(0)} states/s`);
}

async function main() {
  console.log(`patchdash bench (node ${process.version}, ${os.cpus().length} cores); scratch ${tmp}`);
  const bulkDb = args.has("--skip-ingest") ? null : await benchIngest();
  if (!args.has("--skip-http")) await benchHttp(bulkDb);
  if (args.has("--scale10")) await benchScale10();
  if (!args.has("--skip-sim")) await benchSim();
}

main()
  .catch((err) => {
    console.error(`bench failed: ${(err as Error).stack ?? err}`);
    process.exitCode = 1;
  })
  .finally(async () => {
    for (const s of servers) await s.stop().catch(() => {});
    if (!args.has("--keep")) rmSync(tmp, { recursive: true, force: true });
    else console.log(`kept ${tmp}`);
  });
