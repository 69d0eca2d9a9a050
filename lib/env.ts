import path from "node:path";

// The one place that reads process.env. DATABASE_URL follows Prisma's "file:" form.
export const DEFAULT_DATABASE_URL = "file:./data/patchdash.db";

export function getDatabaseUrl(): string {
  return process.env.DATABASE_URL?.trim() || DEFAULT_DATABASE_URL;
}

/** Absolute path of the SQLite file named by a "file:" URL (relative paths are from the project root / cwd). */
export function databaseFileFromUrl(url: string = getDatabaseUrl()): string {
  if (!url.startsWith("file:")) {
    throw new Error(`DATABASE_URL must be a SQLite "file:" URL for the embedded default, got "${url}"`);
  }
  const p = url.slice("file:".length).replace(/\?.*$/, "");
  if (!p) throw new Error(`DATABASE_URL "${url}" names no file`);
  return path.isAbsolute(p) ? p : path.resolve(process.cwd(), p);
}

export function getPort(): number {
  const raw = process.env.PORT ?? "3000";
  const port = Number(raw);
  if (!Number.isInteger(port) || port <= 0 || port > 65535) throw new Error(`PORT must be a TCP port number, got "${raw}"`);
  return port;
}

export function getHost(): string {
  return process.env.HOST?.trim() || "127.0.0.1";
}
