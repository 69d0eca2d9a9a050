import { writeFile, mkdtemp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

// public-inbox serves a whole thread as mboxrd at <inbox>/<msgid>/t.mbox.gz (lore.kernel.org).
// Accepts a thread or message URL (https://lore.kernel.org/all/<msgid>/, .../T/, .../t.mbox.gz).

/** Bound on a downloaded thread: a thread of several thousand messages is still far below it. */
export const MAX_THREAD_BYTES = 256 * 1024 * 1024;

export function isThreadUrl(arg: string): boolean {
  return /^https?:\/\//i.test(arg);
}

export function threadMboxUrl(url: string): string {
  const u = new URL(url);
  if (/\/t\.mbox\.gz$/.test(u.pathname)) return u.toString();
  // Drop a trailing view (/T/, /t/, /raw) and point at the thread mbox.
  u.pathname = u.pathname.replace(/\/+$/, "").replace(/\/(T|t|raw|t\.atom)$/, "") + "/t.mbox.gz";
  u.search = "";
  u.hash = "";
  return u.toString();
}

/** Download a thread to a temporary .mbox.gz file and return its path. Throws with a one-line reason. */
export async function downloadThread(url: string): Promise<string> {
  const target = threadMboxUrl(url);
  let res: Response;
  try {
    res = await fetch(target, { redirect: "follow", signal: AbortSignal.timeout(60_000) });
  } catch (err) {
    throw new Error(`cannot fetch ${target}: ${(err as Error).cause ? String((err as Error & { cause: Error }).cause.message) : (err as Error).message}`);
  }
  if (!res.ok) throw new Error(`cannot fetch ${target}: HTTP ${res.status}`);
  const buf = Buffer.from(await res.arrayBuffer());
  if (buf.length > MAX_THREAD_BYTES) throw new Error(`${target}: larger than ${MAX_THREAD_BYTES} bytes`);
  const dir = await mkdtemp(path.join(os.tmpdir(), "patchdash-fetch-"));
  const file = path.join(dir, "t.mbox.gz");
  await writeFile(file, buf);
  return file;
}
