import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser } from "playwright-core";
import { launchBrowser, openPage } from "./browser";

describe("series page in Chromium", () => {
  let browser: Browser;
  const baseUrl = inject("baseUrl");
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => browser?.close());

  it("lists the v12 series on the front page and opens it to find patch 64", async () => {
    const { page, pageErrors } = await openPage(browser);
    await page.goto(`${baseUrl}/`);
    const link = page.getByRole("link", { name: "KVM: Stop grabbing references to PFNMAP'd pages" }).first();
    await expect(link.isVisible()).resolves.toBe(true);
    await page.goto(`${baseUrl}/`);
    // The v12 row: its Rev cell starts with "v12" (the v13 row links to v12 as another revision).
    const row = page.locator("[data-testid=series-list] tbody tr").filter({ has: page.locator("td:nth-child(2)", { hasText: /^v12/ }) });
    await row.getByRole("link", { name: /Stop grabbing/ }).click();
    await page.waitForURL(/\/series\/\d+$/);
    await expect(page.locator("h1").innerText()).resolves.toContain("[v12]");
    const row64 = page.locator("#patch-64");
    await expect(row64.innerText()).resolves.toContain('KVM: LoongArch: Mark "struct page" pfns dirty only in "slow" page fault path');
    await expect(row64.innerText()).resolves.toContain("LoongArch");
    await row64.getByRole("link").click();
    await page.waitForURL(/\/patch\/\d+$/);
    await expect(page.locator("h1").innerText()).resolves.toContain("[PATCH v12 64/84]");
    expect(pageErrors).toEqual([]);
  });
});
