import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { launchBrowser, openPage } from "./browser";
import { seriesId } from "./ids";

// The fault-path simulator beside the v12 arch matrix, against ../shared/design/fault-path-model.md:
// S1 (maobibo's scenario, LoongArch, file-backed): before the series the fast path dirties the folio
// after dropping mmu_lock (flagged as I4, "the fast path never touches folio state"); as landed the
// read fault dirties the folio under mmu_lock and the run is clean. Both end with s2 writable+dirty
// and the folio dirty. "Find a race": LoongArch pre has known races (I2, I4), landed none within the bound.
describe("fault-path simulator panel", () => {
  let browser: Browser;
  let page: Page;
  let pageErrors: string[];
  const baseUrl = inject("baseUrl");
  const v12 = seriesId(12);

  beforeAll(async () => {
    browser = await launchBrowser();
    ({ page, pageErrors } = await openPage(browser));
    await page.goto(`${baseUrl}/series/${v12}`);
  });
  afterAll(async () => browser?.close());
  // Every step must leave the page without script errors (hydration mismatches included).
  afterEach(() => {
    const errors = pageErrors.splice(0); // one test's error fails that test only
    expect(errors).toEqual([]);
  });

  const panel = () => page.getByTestId("sim-slot").getByTestId("sim-panel");
  const cursor = async () => {
    const c = panel().getByTestId("sim-cursor");
    return { at: Number(await c.getAttribute("data-cursor")), total: Number(await c.getAttribute("data-total")) };
  };
  const outcome = async () => {
    const o = panel().getByTestId("sim-outcome");
    return { outcome: await o.getAttribute("data-outcome"), codes: await o.getAttribute("data-codes") };
  };
  const invariants = () => panel().locator("[data-testid=sim-violation]").evaluateAll((els) => [...new Set(els.map((e) => e.getAttribute("data-invariant")))].sort());
  /** Press Play and wait for the run to reach its last step. */
  const play = async () => {
    await panel().getByTestId("sim-reset").click();
    expect((await cursor()).at).toBe(0);
    await panel().getByTestId("sim-play").click();
    await expect(panel().getByTestId("sim-play").innerText()).resolves.toBe("Pause");
    await page.waitForFunction(() => {
      const c = document.querySelector("[data-testid=sim-slot] [data-testid=sim-cursor]");
      return c && c.getAttribute("data-cursor") === c.getAttribute("data-total") && Number(c.getAttribute("data-total")) > 0;
    }, undefined, { timeout: 30_000 });
    // Playing stops on the render after the last step: wait for the button to say so.
    await page.waitForFunction(() => document.querySelector("[data-testid=sim-slot] [data-testid=sim-play]")?.textContent === "Play", undefined, { timeout: 5_000 });
  };
  /** The log of every step, collected by stepping from the start. */
  const stepLogs = async () => {
    await panel().getByTestId("sim-reset").click();
    const logs: string[] = [];
    for (let i = (await cursor()).total; i > 0; i--) {
      await panel().getByTestId("sim-step").click();
      logs.push(await panel().getByTestId("sim-log").innerText());
    }
    return logs;
  };

  it("selects LoongArch from the matrix row and loads maobibo's scenario S1", async () => {
    // Click once React has hydrated the row, as a user would once the page is interactive.
    await page.waitForFunction(() => {
      const a = document.querySelector("[data-testid=arch-row-loongarch] th a");
      return !!a && Object.keys(a).some((k) => k.startsWith("__reactFiber"));
    });
    await page.getByTestId("arch-row-loongarch").getByRole("link", { name: "LoongArch" }).click();
    await page.waitForURL(/[?&]arch=loongarch/);
    await page.waitForFunction(() => document.querySelector("[data-testid=sim-slot]")?.getAttribute("data-arch") === "loongarch");
    await expect(panel().getByTestId("sim-arch").inputValue()).resolves.toBe("loongarch");
    await expect(panel().getByTestId("sim-scenario").inputValue()).resolves.toBe("S1");
    await expect(panel().getByTestId("sim-policy").inputValue()).resolves.toBe("pre");
    await expect(panel().innerText()).resolves.toContain("maobibo");
  });

  it("plays S1 before the series: the fast path touches the folio after unlock (I4)", async () => {
    await panel().getByTestId("sim-policy").selectOption("pre");
    await play();
    expect(await outcome()).toEqual({ outcome: "violations", codes: "FASTPATH_FOLIO_OP" });
    expect(await invariants()).toEqual(["I4"]);
    await expect(panel().getByTestId("sim-outcome").innerText()).resolves.toBe("Violations: FASTPATH_FOLIO_OP");
    // Before the series, the read fault does not dirty the folio when it installs the pte.
    const logs = await stepLogs();
    expect(logs.some((l) => l.includes("S2_INSTALL") && l.includes("KVM_SET_PAGE_DIRTY"))).toBe(false);
  });

  it("plays S1 as landed: clean, the read fault dirtied the folio under mmu_lock", async () => {
    await panel().getByTestId("sim-policy").selectOption("landed");
    await play();
    expect(await outcome()).toEqual({ outcome: "clean", codes: "" });
    await expect(panel().getByTestId("sim-violations").getAttribute("data-count")).resolves.toBe("0");
    const logs = await stepLogs();
    expect(logs.some((l) => l.includes("S2_INSTALL") && l.includes("KVM_SET_PAGE_DIRTY"))).toBe(true);
    // The before/after box says so as well.
    const cmp = panel().getByTestId("sim-compare");
    await expect(cmp.getAttribute("data-differs")).resolves.toBe("true");
    await expect(cmp.getByTestId("sim-compare-pre").getAttribute("data-codes")).resolves.toBe("FASTPATH_FOLIO_OP");
    await expect(cmp.getByTestId("sim-compare-landed").getAttribute("data-outcome")).resolves.toBe("clean");
  });

  it("keeps the trace in ?sim= and restores it on reload", async () => {
    const url = new URL(page.url());
    const sim = url.searchParams.get("sim");
    expect(sim).toMatch(/^loongarch\.landed\.S1\.vw-r0-/);
    const before = await cursor();
    expect(before.at).toBe(before.total); // stepLogs() left the cursor at the end
    const log = await panel().getByTestId("sim-log").innerText();
    await page.reload();
    await page.waitForFunction(() => Number(document.querySelector("[data-testid=sim-cursor]")?.getAttribute("data-total")) > 0);
    expect(new URL(page.url()).searchParams.get("sim")).toBe(sim);
    await expect(panel().getByTestId("sim-policy").inputValue()).resolves.toBe("landed");
    expect(await cursor()).toEqual(before);
    await expect(panel().getByTestId("sim-log").innerText()).resolves.toBe(log);
    expect(await outcome()).toEqual({ outcome: "clean", codes: "" });
  });

  it("restores a step in the middle of the trace on reload (a shared link points at that step)", async () => {
    await panel().getByTestId("sim-policy").selectOption("pre");
    await panel().getByTestId("sim-reset").click();
    const { total } = await cursor();
    const mid = Math.floor(total / 2);
    for (let i = 0; i < mid; i++) await panel().getByTestId("sim-step").click();
    expect((await cursor()).at).toBe(mid);
    const log = await panel().getByTestId("sim-log").innerText();
    await page.reload();
    await page.waitForFunction(() => Number(document.querySelector("[data-testid=sim-cursor]")?.getAttribute("data-total")) > 0);
    await expect(panel().getByTestId("sim-policy").inputValue()).resolves.toBe("pre");
    expect(await cursor()).toEqual({ at: mid, total });
    await expect(panel().getByTestId("sim-log").innerText()).resolves.toBe(log);
  });

  it("finds a race before the series and none as landed", async () => {
    const find = async (policy: string) => {
      await panel().getByTestId("sim-policy").selectOption(policy);
      await expect(panel().getByTestId("sim-race-results").count()).resolves.toBe(0); // a policy change clears old results
      await panel().getByTestId("sim-find-race").click();
      const results = panel().getByTestId("sim-race-results");
      await results.waitFor({ timeout: 45_000 });
      return { text: await results.innerText(), found: await results.locator("li").count(), replays: await results.getByTestId("sim-race-replay").count() };
    };
    const pre = await find("pre");
    expect(pre.found).toBeGreaterThan(0);
    expect(pre.replays).toBe(pre.found);
    expect(pre.text).toMatch(/\bI4\b/);
    expect(pre.text).toMatch(/\bI2\b/);
    const landed = await find("landed");
    expect(landed.found).toBe(0);
    expect(landed.text).not.toMatch(/\bI[0-9]\b/);
  }, 120_000);
});
