import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { toIncoming } from "../ingest";
import { corpusPath, V12_COVER, V12_MBOX, v12PatchId } from "../../tests/corpus";
import { splitMbox } from "./mbox";
import { groupIntoSeries, type ThreadingInput, type ThreadingResult } from "./threading";

async function threadsOf(file: string): Promise<{ input: ThreadingInput[]; result: ThreadingResult }> {
  const input: ThreadingInput[] = [];
  for (const raw of splitMbox(readFileSync(file))) {
    const m = await toIncoming(raw, file);
    if (!m.parsed) continue;
    input.push({ ...m.parsed, kind: m.kind as ThreadingInput["kind"] });
  }
  return { input, result: groupIntoSeries(input) };
}

describe("groupIntoSeries on the real v12 thread", () => {
  let t: Awaited<ReturnType<typeof threadsOf>>;
  beforeAll(async () => {
    t = await threadsOf(V12_MBOX);
  });

  it("finds one series of 84 patches under the cover letter", () => {
    expect(t.result.series).toHaveLength(1);
    const s = t.result.series[0];
    expect(s.coverMessageId).toBe(V12_COVER);
    expect(s.revision).toBe(12);
    expect(s.patches.map((p) => p.number)).toEqual(Array.from({ length: 84 }, (_, i) => i + 1));
    expect(s.messageCount).toBe(150);
  });

  it("threads the six replies of patch 64 (LoongArch) under it", () => {
    const under64 = [...t.result.messages].filter(([id, m]) => m.patchMessageId === v12PatchId(64) && id !== v12PatchId(64));
    expect(under64).toHaveLength(6);
  });

  it("follows a Gnus In-Reply-To with a comment to its parent", () => {
    const m = t.result.messages.get("877ccrqc06.fsf@draig.linaro.org");
    expect(m?.parentId).toBe("ZrTFPhy0e1fFb9vA@google.com");
    expect(m?.patchMessageId).toBe(v12PatchId(13));
  });
});

describe("groupIntoSeries on patchwork's series fixtures", () => {
  it("groups a series without a cover letter", async () => {
    const { result } = await threadsOf(corpusPath("patchwork/series/base-no-cover-letter.mbox"));
    expect(result.series).toHaveLength(1);
    expect(result.series[0].coverMessageId).toBeNull();
    expect(result.series[0].patches.length).toBeGreaterThan(1);
  });

  it("groups unthreaded patches (no References) by author, version and total", async () => {
    const { input, result } = await threadsOf(corpusPath("patchwork/series/base-no-references-no-cover.mbox"));
    const patches = input.filter((m) => m.kind === "patch");
    expect(patches.length).toBeGreaterThan(1);
    expect(result.series).toHaveLength(1);
    expect(result.series[0].coverMessageId).toBe("790af26b-7055-7997-2080-f967aef2d26d@linux.vnet.ibm.com");
    expect(result.series[0].patches).toHaveLength(patches.length);
  });

  it("puts unversioned patches under a v3 cover into that cover's series (b4: revision inherited)", async () => {
    const { result } = await threadsOf(corpusPath("patchwork/series/base-different-versions.mbox"));
    expect(result.series).toHaveLength(1);
    expect(result.series[0].revision).toBe(3);
    expect(result.series[0].patches.map((p) => p.number)).toEqual([1, 2, 3, 4]);
  });
});
