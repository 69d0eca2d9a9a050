import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { openDatabase } from "../../lib/db/sqlite";
import { indexStoredMessages } from "../../lib/db/search-index";
import { ingestPaths } from "../../lib/ingest";
import { V12_MBOX, V13_MBOX } from "../corpus";

// Fills a fresh SQLite file from the real threads plus tests/fixtures, starts the built
// app on a free loopback port, and hands its URL to the tests.

const ROOT = path.resolve(__dirname, "../..");
let server: ChildProcess | null = null;
let dir = "";

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
    srv.on("error", reject);
  });
}

async function waitFor(url: string, ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    try {
      const r = await fetch(url);
      if (r.status < 500) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`server at ${url} did not answer within ${ms} ms`);
}

export default async function setup(project: TestProject) {
  if (!existsSync(path.join(ROOT, ".next/BUILD_ID"))) throw new Error("no production build: run `npm run build` before the e2e tests");
  dir = mkdtempSync(path.join(os.tmpdir(), "patchdash-e2e-"));
  const file = path.join(dir, "e2e.db");
  const db = openDatabase(file);
  const summary = await ingestPaths([V12_MBOX, V13_MBOX, path.join(ROOT, "tests/fixtures")], { db, onStored: indexStoredMessages });
  if (summary.errors.length) throw new Error(`e2e ingest failed: ${JSON.stringify(summary.errors)}`);
  db.close();
  const port = await freePort();
  server = spawn(path.join(ROOT, "node_modules/.bin/next"), ["start", "-H", "127.0.0.1", "-p", String(port)], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: `file:${file}`, NEXT_TELEMETRY_DISABLED: "1" },
    stdio: ["ignore", "inherit", "inherit"],
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  await waitFor(`${baseUrl}/`, 60_000);
  project.provide("baseUrl", baseUrl);
  project.provide("dbFile", file);
  return async () => {
    server?.kill("SIGTERM");
    rmSync(dir, { recursive: true, force: true });
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
    dbFile: string;
  }
}
