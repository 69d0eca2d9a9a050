import { mkdirSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { launchBrowser, openPage } from "./browser";
import { patchId, seriesId } from "./ids";

// Screenshots of the main pages at desktop (1280 px) and phone (390 px) width, with the layout
// checks a reader would notice: nothing wider than the screen, no script errors.
// PNGs go to docs/screenshots/ with SCREENSHOTS=1 (to refresh the README images), else to a temp dir.
const OUT = process.env.SCREENSHOTS ? path.resolve(__dirname, "../../docs/screenshots") : path.join(os.tmpdir(), "patchdash-screenshots");

/** Elements that stick out to the right of the viewport (horizontal page scroll), innermost first. */
async function overflow(page: Page) {
  return page.evaluate(() => {
    const vw = document.documentElement.clientWidth;
    const out: string[] = [];
    for (const el of Array.from(document.body.querySelectorAll<HTMLElement>("*"))) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.right <= vw + 1) continue;
      // Inside a horizontally scrollable box: fine, the box scrolls, the page does not.
      let p = el.parentElement;
      let clipped = false;
      while (p && p !== document.body) {
        const cs = getComputedStyle(p);
        if (/(auto|scroll|hidden|clip)/.test(cs.overflowX) && p.getBoundingClientRect().right <= vw + 1) {
          clipped = true;
          break;
        }
        p = p.parentElement;
      }
      if (clipped) continue;
      if (Array.from(el.children).some((c) => (c as HTMLElement).getBoundingClientRect().right > vw + 1)) continue;
      const id = el.getAttribute("data-testid") ?? el.id;
      out.push(`${el.tagName.toLowerCase()}${id ? `[${id}]` : ""}.${(el.className || "").toString().split(/\s+/).slice(0, 3).join(".")} right=${Math.round(r.right)}`);
    }
    return { pageScrolls: document.documentElement.scrollWidth > vw, vw, elements: out.slice(0, 8) };
  });
}

describe("screenshots and layout", () => {
  let browser: Browser;
  const baseUrl = inject("baseUrl");
  const v12 = seriesId(12);
  const p64 = patchId(12, 64);

  beforeAll(async () => {
    browser = await launchBrowser();
    mkdirSync(OUT, { recursive: true });
  });
  afterAll(async () => browser?.close());

  const shoot = async (url: string, file: string, width: number, opts: { fullPage?: boolean; height?: number } = {}) => {
    const { page, pageErrors } = await openPage(browser, { width, height: opts.height ?? 900 });
    await page.goto(`${baseUrl}${url}`, { waitUntil: "load" });
    await page.evaluate(() => document.fonts.ready);
    await page.waitForTimeout(300);
    await page.screenshot({ path: path.join(OUT, file), fullPage: opts.fullPage ?? false });
    const o = await overflow(page);
    await page.close();
    return { pageErrors, ...o };
  };

  it.each([
    ["/", "series-list.png", 1280, {}],
    [`/series/${v12}?arch=loongarch`, "series.png", 1280, { height: 1000 }],
    [`/patch/${p64}`, "patch-64.png", 1280, {}],
    ["/search?q=a%3Aloongarch%20t%3Areviewed-by", "search.png", 1280, {}],
  ] as const)("%s at desktop width (%s)", async (url, file, width, opts) => {
    const r = await shoot(url, file, width, opts);
    expect(r.pageErrors).toEqual([]);
    expect({ pageScrolls: r.pageScrolls, elements: r.elements }).toEqual({ pageScrolls: false, elements: [] });
  });

  it.each([
    [`/series/${v12}?arch=loongarch`, "series-phone.png"],
    [`/patch/${p64}`, "patch-64-phone.png"],
    ["/", "series-list-phone.png"],
  ] as const)("%s fits a 390 px phone screen (%s)", async (url, file) => {
    // The PNG is the first screen; the overflow check covers the whole page.
    const r = await shoot(url, file, 390, { height: 844 });
    expect(r.pageErrors).toEqual([]);
    expect({ pageScrolls: r.pageScrolls, elements: r.elements }).toEqual({ pageScrolls: false, elements: [] });
  });
});
