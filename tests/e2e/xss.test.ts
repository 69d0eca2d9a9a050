import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { launchBrowser, openPage } from "./browser";
import { patchId } from "./ids";

// tests/fixtures/xss-reply.eml: a reply to v12 03/84 whose sender name, subject and body carry
// <script>, <img onerror> and javascript: payloads. Wherever it shows, it must show as text.
const SUBJECT = "<script>alert('subject')</script>";
const NAME = "<img src=x onerror=alert('name')>";
const BODY = ["<script>alert('body')</script>", `<img src=x onerror="alert('img')">`, `<a href="javascript:alert(1)">click</a>`];

/** The server's HTML must not carry the payloads as markup (checked before any parser repair). */
async function htmlOf(url: string): Promise<string> {
  const res = await fetch(url);
  expect(res.status).toBe(200);
  return res.text();
}
const LIVE = /<script>alert|<img src=x|<a href="javascript:/i;

/** Elements the mail could have smuggled in: none may exist. */
async function injected(page: Page) {
  return page.evaluate(() => ({
    imgX: document.querySelectorAll('img[src="x"]').length,
    imgAll: document.querySelectorAll("img").length,
    // The mail's own <script> would be an element whose code is the payload; Next's inline RSC
    // data scripts carry the text as escaped JSON, which is fine.
    scripts: Array.from(document.scripts).filter((s) => /^\s*alert\(/.test(s.textContent ?? "")).length,
    onerror: document.querySelectorAll("[onerror]").length,
    jsLinks: Array.from(document.querySelectorAll("a")).filter((a) => /^\s*javascript:/i.test(a.getAttribute("href") ?? "")).length,
  }));
}
const NONE = { imgX: 0, imgAll: 0, scripts: 0, onerror: 0, jsLinks: 0 };

describe("mail payloads render as text", () => {
  let browser: Browser;
  let page: Page;
  let dialogs: string[];
  let pageErrors: string[];
  const baseUrl = inject("baseUrl");

  beforeAll(async () => {
    browser = await launchBrowser();
    ({ page, dialogs, pageErrors } = await openPage(browser));
  });
  afterAll(async () => browser?.close());

  it("patch 3's page shows the reply's subject, sender and body as visible text and runs nothing", async () => {
    expect(await htmlOf(`${baseUrl}/patch/${patchId(12, 3)}`)).not.toMatch(LIVE);
    await page.goto(`${baseUrl}/patch/${patchId(12, 3)}`, { waitUntil: "networkidle" });
    const reply = page.locator("[data-testid=thread-message]", { hasText: "attacker" }).or(
      page.locator("[data-testid=thread-message]", { hasText: "alert('body')" }),
    );
    await expect(reply.count()).resolves.toBe(1);
    const text = await reply.innerText();
    expect(text).toContain(NAME);
    expect(text).toContain(`Re: [PATCH v12 03/84] ${SUBJECT} KVM: LoongArch`);
    for (const line of BODY) expect(text).toContain(line);
    await page.waitForTimeout(300); // give an onerror handler time to fire, if one existed
    expect(await injected(page)).toEqual(NONE);
    expect(dialogs).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  it("the series list does not turn the reply into markup", async () => {
    expect(await htmlOf(`${baseUrl}/`)).not.toMatch(LIVE);
    await page.goto(`${baseUrl}/`, { waitUntil: "networkidle" });
    await page.waitForTimeout(200);
    expect(await injected(page)).toEqual(NONE);
    // A reply is not a series: its subject must not appear as one.
    await expect(page.locator("main").innerText()).resolves.not.toContain("alert(");
    expect(dialogs).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  it("search results for 'alert' show the payloads as text", async () => {
    expect(await htmlOf(`${baseUrl}/search?q=alert`)).not.toMatch(LIVE);
    await page.goto(`${baseUrl}/search?q=alert`, { waitUntil: "networkidle" });
    const result = page.locator("[data-testid=search-result]", { hasText: "alert('subject')" });
    await expect(result.count()).resolves.toBe(1);
    const text = await result.innerText();
    expect(text).toContain(SUBJECT);
    expect(text).toContain(NAME);
    // The snippet highlights "alert" with <mark>, the only element the snippet may create.
    const tags = await result.getByTestId("search-snippet").evaluate((p) => [...new Set(Array.from(p.querySelectorAll("*")).map((e) => e.tagName))]);
    expect(tags.every((t) => t === "MARK" || t === "SPAN")).toBe(true);
    await page.waitForTimeout(300);
    expect(await injected(page)).toEqual(NONE);
    expect(dialogs).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  it("the raw mail and the Atom feed do not execute or carry live markup", async () => {
    const raw = await page.goto(`${baseUrl}/message/${encodeURIComponent("xss-test-1@example.org")}/raw`, { waitUntil: "load" });
    expect(raw!.headers()["content-type"]).toMatch(/^text\/plain/);
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => document.body.innerText)).toContain("<script>alert('body')</script>");
    expect(await injected(page)).toEqual(NONE);

    const feed = await fetch(`${baseUrl}/search.atom?q=alert`);
    expect(feed.status).toBe(200);
    const xml = await feed.text();
    expect(xml).toContain("&lt;script&gt;alert(");
    expect(xml).not.toMatch(/<script|<img/i);
    expect(dialogs).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
