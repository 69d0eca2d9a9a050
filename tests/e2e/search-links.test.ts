import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser } from "playwright-core";
import { launchBrowser, openPage } from "./browser";

// Every search result is a link a user will click: none may lead to a missing page.
// "kvm" matches the v12 and v13 cover letters, which are not patches, so their links take the
// non-patch path (hrefForMessage -> /message/<id>).
describe("search result links", () => {
  let browser: Browser;
  const baseUrl = inject("baseUrl");
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => browser?.close());

  it("every result on /search?q=kvm opens a page (cover letters included)", async () => {
    const { page, pageErrors } = await openPage(browser);
    await page.goto(`${baseUrl}/search?q=kvm`, { waitUntil: "load" });
    const links = await page.locator("[data-testid=search-result] > div:first-child a").evaluateAll((as) =>
      as.map((a) => ({ text: a.textContent ?? "", href: a.getAttribute("href") ?? "" })),
    );
    expect(links.length).toBeGreaterThan(0);
    expect(links.some((l) => /\[PATCH v12 00\/84\]/.test(l.text))).toBe(true);
    const broken: string[] = [];
    for (const l of links) {
      const res = await fetch(new URL(l.href, baseUrl));
      if (res.status !== 200) broken.push(`${res.status} ${l.href} (${l.text.slice(0, 60)})`);
    }
    expect(broken).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
