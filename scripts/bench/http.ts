import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import net from "node:net";
import path from "node:path";

// The built app as a child process for scripts/bench.ts: 127.0.0.1 only, bounded waits,
// and killed when the bench exits for any reason.

const ROOT = path.resolve(__dirname, "../..");
const started = new Set<ChildProcess>();

function killAll() {
  for (const c of started) {
    if (c.exitCode === null && c.pid) {
      try {
        // Negative pid: the process group (next start spawns no workers today, but may).
        process.kill(-c.pid, "SIGTERM");
      } catch {
        c.kill("SIGTERM");
      }
    }
  }
  started.clear();
}
process.on("exit", killAll);
for (const sig of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
  process.on(sig, () => {
    killAll();
    process.exit(130);
  });
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

export async function ensureBuilt(): Promise<void> {
  if (existsSync(path.join(ROOT, ".next/BUILD_ID"))) return;
  console.log("  (no .next/BUILD_ID: running next build first)");
  await new Promise<void>((resolve, reject) => {
    const c = spawn(path.join(ROOT, "node_modules/.bin/next"), ["build"], { cwd: ROOT, stdio: ["ignore", "ignore", "inherit"] });
    c.on("error", reject);
    c.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`next build exited with ${code}`))));
  });
}

export type Server = { base: string; stop: () => Promise<void> };

/** Start `next start` on a free 127.0.0.1 port over the given SQLite file; resolves once it answers. */
export async function startServer(dbFile: string): Promise<Server> {
  await ensureBuilt();
  const port = await freePort();
  const child = spawn(path.join(ROOT, "node_modules/.bin/next"), ["start", "-H", "127.0.0.1", "-p", String(port)], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: `file:${dbFile}`, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
    stdio: ["ignore", "ignore", "pipe"],
    detached: true,
  });
  started.add(child);
  let stderr = "";
  child.stderr?.on("data", (d: Buffer) => (stderr = (stderr + d.toString()).slice(-4000)));
  const base = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null && child.pid) {
      const exited = new Promise((r) => child.once("exit", r));
      try {
        process.kill(-child.pid, "SIGTERM");
      } catch {
        child.kill("SIGTERM");
      }
      await Promise.race([exited, sleep(5000)]);
      if (child.exitCode === null) child.kill("SIGKILL");
    }
    started.delete(child);
  };
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`next start exited with ${child.exitCode}: ${stderr}`);
    try {
      const r = await fetch(`${base}/api/search?q=kvm`, { signal: AbortSignal.timeout(5000) });
      await r.arrayBuffer();
      return { base, stop };
    } catch {
      await sleep(250);
    }
  }
  await stop();
  throw new Error(`next start did not answer on ${base} within 60 s: ${stderr}`);
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Time one GET to the end of its body; throws on a non-2xx status. */
export async function timeGet(url: string): Promise<number> {
  const t0 = performance.now();
  const r = await fetch(url, { signal: AbortSignal.timeout(30_000) });
  await r.arrayBuffer();
  const ms = performance.now() - t0;
  if (!r.ok) throw new Error(`GET ${url}: HTTP ${r.status}`);
  return ms;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i];
}

export function stats(ms: number[]): { n: number; p50: number; p95: number; max: number } {
  const s = [...ms].sort((a, b) => a - b);
  return { n: s.length, p50: percentile(s, 50), p95: percentile(s, 95), max: s[s.length - 1] ?? NaN };
}
