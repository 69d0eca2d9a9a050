import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { parseMaintainers, type Section } from "../review/maintainers";
import type { Db } from "./sqlite";

// The MAINTAINERS sections in force: the newest file loaded with --maintainers, else the
// kernel's file bundled in data/MAINTAINERS. Parsed once per text.

export const BUNDLED_MAINTAINERS = path.resolve(__dirname, "../../data/MAINTAINERS");
const parsed = new Map<string, Section[]>();

function parseCached(text: string): Section[] {
  let s = parsed.get(text);
  if (!s) {
    s = parseMaintainers(text);
    parsed.clear();
    parsed.set(text, s);
  }
  return s;
}

export function getMaintainerSections(db: Db): { source: string; sections: Section[] } {
  const row = db.prepare(`SELECT source, text FROM "MaintainersFile" ORDER BY id DESC LIMIT 1`).get() as { source: string; text: string } | undefined;
  if (row) return { source: row.source, sections: parseCached(row.text) };
  const file = [BUNDLED_MAINTAINERS, path.resolve(process.cwd(), "data/MAINTAINERS")].find((f) => existsSync(f));
  if (!file) return { source: "(none)", sections: [] };
  return { source: file, sections: parseCached(readFileSync(file, "utf8")) };
}

/** Store a MAINTAINERS file's text; the caller rebuilds derived state afterwards. */
export function saveMaintainersFile(db: Db, source: string, text: string): { sections: number } {
  const sections = parseMaintainers(text);
  if (sections.length === 0) throw new Error(`${source}: no MAINTAINERS sections found (expected lines like "M:\tName <addr>" under a title)`);
  db.prepare(`INSERT INTO "MaintainersFile" (source, text, loadedAt) VALUES (?, ?, ?)`).run(source, text, new Date().toISOString());
  return { sections: sections.length };
}
