import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { launchBrowser, openPage } from "./browser";
import { patchId, seriesId } from "./ids";

// axe-core in the real page: no "serious" or "critical" violation on the main pages.
const AXE = path.resolve(__dirname, "../../node_modules/axe-core/axe.min.js");

type AxeNode = { target: string[]; failureSummary?: string };
type AxeViolation = { id: string; impact: string | null; help: string; nodes: AxeNode[] };

async function axe(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: AXE });
  const violations = (await page.evaluate(async () => {
    const w = window as unknown as { axe: { run: (ctx: Document, o: object) => Promise<{ violations: unknown[] }> } };
    const r = await w.axe.run(document, { resultTypes: ["violations"] });
    return r.violations;
  })) as AxeViolation[];
  // One line per failing element, so a failure names the rule and the selector to fix.
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .flatMap((v) => v.nodes.map((n) => `${v.impact} ${v.id} (${v.help}): ${n.target.join(" ")}${n.failureSummary ? ` — ${n.failureSummary.replace(/\s+/g, " ")}` : ""}`));
}

describe("accessibility (axe-core, serious and critical)", () => {
  let browser: Browser;
  let page: Page;
  const baseUrl = inject("baseUrl");

  beforeAll(async () => {
    browser = await launchBrowser();
    ({ page } = await openPage(browser));
  });
  afterAll(async () => browser?.close());

  const check = async (url: string, prepare?: () => Promise<void>) => {
    // "load", not "networkidle": the search page's prefetches of /message/<id> links never settle.
    await page.goto(`${baseUrl}${url}`, { waitUntil: "load" });
    await page.waitForFunction(() => document.readyState === "complete");
    await prepare?.();
    return axe(page);
  };

  it("series list /", async () => {
    expect(await check("/")).toEqual([]);
  });

  it("v12 series page, LoongArch selected (matrix cells and simulator visible)", async () => {
    expect(await check(`/series/${seriesId(12)}?arch=loongarch`)).toEqual([]);
  });

  it("patch 64 page, with a quote fold and the patch mail opened", async () => {
    expect(
      await check(`/patch/${patchId(12, 64)}`, async () => {
        await page.locator("[data-testid=quote-fold] summary").first().click();
        await page.locator("details:not([data-testid]) > summary", { hasText: "Patch mail and diff" }).click();
      }),
    ).toEqual([]);
  });

  it("search results /search?q=kvm", async () => {
    expect(await check("/search?q=kvm")).toEqual([]);
  });
});
