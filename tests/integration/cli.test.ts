import { execFileSync, spawnSync } from "node:child_process";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { V12_COVER, V12_MBOX } from "../corpus";
import { makeTempDb } from "../helpers";

// The CLIs as a user (or an outside check) runs them: separate processes, output through a pipe.
const ROOT = path.resolve(__dirname, "../..");
const node = (args: string[], env: Record<string, string>) =>
  spawnSync(process.execPath, ["--import", "tsx", ...args], { cwd: ROOT, env: { ...process.env, ...env }, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });

describe("npm run ingest / npm run report", () => {
  const t = makeTempDb();
  t.db.close();
  const env = { DATABASE_URL: `file:${t.file}` };
  afterAll(() => t.remove());

  it("ingests the v12 mbox, then reports 0 new the second time", () => {
    const first = node(["scripts/ingest.ts", V12_MBOX], env);
    expect(first.status).toBe(0);
    expect(first.stdout).toMatch(/^150 messages read, 150 new, 0 already present, 0 failed/m);
    const second = node(["scripts/ingest.ts", V12_MBOX], env);
    expect(second.stdout).toMatch(/^150 messages read, 0 new, 150 already present, 0 failed/m);
  });

  it("prints the whole report JSON through a pipe (larger than a pipe buffer)", () => {
    const out = execFileSync(process.execPath, ["--import", "tsx", "scripts/report.ts", "--json"], { cwd: ROOT, env: { ...process.env, ...env }, maxBuffer: 64 * 1024 * 1024 }).toString();
    expect(out.length).toBeGreaterThan(128 * 1024);
    const report = JSON.parse(out) as { series: { revision: number; coverMessageId: string; patches: unknown[] }[] };
    expect(report.series).toEqual([expect.objectContaining({ revision: 12, coverMessageId: V12_COVER })]);
    expect(report.series[0].patches).toHaveLength(84);
  });

  it("names a missing file and a non-mail file with a non-zero exit", () => {
    const r = node(["scripts/ingest.ts", "/nonexistent.mbox", "README.md"], env);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("error: /nonexistent.mbox: cannot read: ENOENT");
    expect(r.stderr).toMatch(/error: README\.md: not mail/);
  });
});
