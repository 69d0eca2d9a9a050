import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser } from "playwright-core";
import { launchBrowser, openPage } from "./browser";

// A maintainer types a lore-style query into the header box on any page.
describe("search from the header box in Chromium", () => {
  let browser: Browser;
  const baseUrl = inject("baseUrl");
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => browser?.close());

  it("finds Sean's 'false positives' answer to maobibo and links into the thread", async () => {
    const { page, pageErrors } = await openPage(browser);
    await page.goto(`${baseUrl}/`);
    const box = page.getByTestId("search-box");
    await box.fill('"false positives" f:seanjc');
    await box.press("Enter");
    await page.waitForURL(/\/search\?q=/);
    const result = page.locator("a[href*='ZrFezgVbCI3DRQH3']").first();
    await expect(result.count()).resolves.toBeGreaterThan(0);
    // The matched words are highlighted as <mark> text, not injected HTML.
    await expect(page.locator("mark").first().innerText()).resolves.toMatch(/false/i);
    await result.click();
    await page.waitForURL(/\/patch\/\d+#m-/);
    await expect(page.locator("h1").innerText()).resolves.toContain("64/84");
    expect(pageErrors).toEqual([]);
  });

  it("explains a malformed query instead of failing", async () => {
    const { page } = await openPage(browser);
    const r = await page.goto(`${baseUrl}/search?q=${encodeURIComponent('(s:kvm "unterminated')}`);
    expect(r?.status()).toBeLessThan(500);
    await expect(page.locator("body").innerText()).resolves.toMatch(/quote|parenthes/i);
  });
});
