import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { findTrailers } from "../../lib/mail/trailers";
import { findApplied } from "../../lib/review/applied";
import { collectApplied, collectTrailers } from "../../lib/review/collect";
import { corpusPath } from "./corpus";
import { loadThread } from "./load-thread";

// Parsers never throw: run the review rules over patchwork's fuzzer-found and odd mails.
describe("review rules over patchwork's odd mail", () => {
  const dirs = ["patchwork/fuzz", "patchwork/mail", "patchwork/series"];
  const files = dirs.flatMap((d) => readdirSync(corpusPath(d)).filter((f) => f.endsWith(".mbox")).map((f) => `${d}/${f}`));
  it(`no throw on ${files.length} files`, async () => {
    expect(files.length).toBeGreaterThan(20);
    for (const f of files) {
      const { messages } = await loadThread(corpusPath(f));
      for (const m of messages) {
        expect(() => findTrailers(m.body, { followup: true })).not.toThrow();
        expect(() => findApplied(m.body)).not.toThrow();
      }
      expect(() => collectTrailers(messages)).not.toThrow();
      expect(() => collectApplied(messages)).not.toThrow();
    }
  });
});
