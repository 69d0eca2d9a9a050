import { spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { countMessages } from "../lib/db/store";
import { getDatabase } from "../lib/db/sqlite";
import { indexStoredMessages } from "../lib/db/search-index";
import { databaseFileFromUrl, getHost, getPort } from "../lib/env";
import { ingestPaths } from "../lib/ingest";

// npm start: create/migrate the database, fill an empty one from data/, build the app
// if there is no build yet, then serve it on 127.0.0.1:$PORT (default 3000).

const ROOT = path.resolve(__dirname, "..");
const BUNDLED = ["data/v12-thread.linux-mips.mbox", "data/v13-thread.linux-mips.mbox"].map((p) => path.join(ROOT, p));

async function main() {
  const db = getDatabase();
  if (countMessages(db) === 0) {
    console.log(`Empty database ${databaseFileFromUrl()}: ingesting the bundled threads from data/ ...`);
    const s = await ingestPaths(BUNDLED, { db, onStored: indexStoredMessages });
    console.log(`  ${s.read} messages read, ${s.new} new, ${s.failed.length} failed in ${s.seconds.toFixed(1)} s`);
    for (const e of s.errors) console.error(`  error: ${e.path}: ${e.reason}`);
  }
  db.close();
  const next = path.join(ROOT, "node_modules/.bin/next");
  if (!existsSync(path.join(ROOT, ".next/BUILD_ID"))) {
    console.log("No production build yet: running next build (about a minute) ...");
    const r = spawnSync(next, ["build"], { cwd: ROOT, stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
    if (r.status !== 0) process.exit(r.status ?? 1);
  }
  const host = getHost();
  const port = getPort();
  console.log(`patchdash on http://${host}:${port}/`);
  const child = spawn(next, ["start", "-H", host, "-p", String(port)], {
    cwd: ROOT,
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  for (const sig of ["SIGINT", "SIGTERM"] as const) process.on(sig, () => child.kill(sig));
  child.on("exit", (code) => process.exit(code ?? 0));
}

main().catch((err) => {
  console.error(`error: ${(err as Error).message}`);
  process.exit(1);
});
