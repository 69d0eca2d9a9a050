import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { launchBrowser, openPage } from "./browser";
import { patchId, seriesId } from "./ids";

// The v12 arch matrix, against facts read from the real thread
// (../shared/corpus/lore-v12/v12-thread.linux-mips.mbox):
// - diff paths: arch/{x86,powerpc,arm64,loongarch,mips,riscv,s390}/ plus 33 patches outside arch/ (common);
// - LoongArch is 64-67. Bibo Mao (maobibo@loongson.cn) replied "Reviewed-by" to 64
//   <b54357a9-...>, 65 <d5405245-...> and 66 <9492f63e-...>; nobody replied to 67. Alex Bennée's
//   "Tested-by" on the cover <875xrme3nd.fsf@draig.linaro.org> applies to every patch, so 67 is
//   "tested only";
// - 01 and 02 (arm64) were applied by Marc Zyngier (b4-ty replies <172433664067...>, <172433664068...>).
describe("v12 arch matrix", () => {
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

  const cells = (arch: string) => page.locator(`[data-testid=arch-matrix] [data-testid=arch-row-${arch}] [data-testid=patch-cell]`);
  const states = async (arch: string) =>
    Object.fromEntries(
      await cells(arch).evaluateAll((els) => els.map((e) => [Number(e.getAttribute("data-number")), e.getAttribute("data-state")])),
    );

  it("has exactly one row per architecture the diffs touch, plus common", async () => {
    const rows = await page
      .locator("[data-testid=arch-matrix] [data-testid^=arch-row-]")
      .evaluateAll((els) => els.map((e) => e.getAttribute("data-testid")!.replace("arch-row-", "")));
    expect([...rows].sort()).toEqual(["arm64", "common", "loongarch", "mips", "powerpc", "riscv", "s390", "x86"]);
  });

  it("shows LoongArch with 64-66 reviewed (Bibo Mao) and 67 tested only (Alex Bennée's cover Tested-by)", async () => {
    const row = page.getByTestId("arch-row-loongarch");
    await expect(row.locator("th").innerText()).resolves.toBe("LoongArch");
    expect(await states("loongarch")).toEqual({ 64: "reviewed", 65: "reviewed", 66: "reviewed", 67: "tested" });
    // The counts a user reads in the row: 4 patches, 3 reviewed, 4 tested, none applied.
    const nums = await row.locator("tr").first().locator("td.font-mono").allInnerTexts();
    expect(nums.map(Number)).toEqual([4, 0, 3, 4, 0]);
    // The state is readable without colour (screen-reader text and tooltip). textContent: the
    // cells sit in a closed <details> until the row is selected.
    await expect(cells("loongarch").filter({ hasText: "67" }).textContent()).resolves.toMatch(/tested only/);
    await expect(cells("loongarch").filter({ hasText: "64" }).getAttribute("title")).resolves.toMatch(/acked\/reviewed/);
  });

  it("marks arm64 01 and 02 as applied, and only them", async () => {
    const arm = await states("arm64");
    expect(arm[1]).toBe("applied");
    expect(arm[2]).toBe("applied");
    const appliedEverywhere = await page
      .locator("[data-testid=arch-matrix] [data-testid=patch-cell][data-state=applied]")
      .evaluateAll((els) => [...new Set(els.map((e) => Number(e.getAttribute("data-number"))))].sort((a, b) => a - b));
    expect(appliedEverywhere).toEqual([1, 2]);
  });

  it("opens a patch page from a cell", async () => {
    const cell = cells("loongarch").filter({ hasText: "66" });
    await expect(cell.getAttribute("href")).resolves.toBe(`/patch/${patchId(12, 66)}`);
    // Cells sit in a <details> that is closed unless the row is selected; open it as a user would.
    await page.getByTestId("arch-row-loongarch").locator("summary").click();
    await cell.click();
    await page.waitForURL(new RegExp(`/patch/${patchId(12, 66)}$`));
    await expect(page.locator("h1").innerText()).resolves.toContain("[PATCH v12 66/84]");
    expect(pageErrors).toEqual([]);
  });
});
