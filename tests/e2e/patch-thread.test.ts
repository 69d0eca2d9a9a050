import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { launchBrowser, openPage } from "./browser";
import { patchId } from "./ids";

// Patch 64 of v12 and its six replies, with the In-Reply-To chain read from the real thread:
//   64 <20240726235234.228822-65-seanjc@google.com>
//   ├─ maobibo  <a039b758-...>  2 Aug      (In-Reply-To: 64)
//   │  └─ Sean  <Zq00OYowF5kc9QFE>        (In-Reply-To: a039b758)
//   │     └─ maobibo <345d89c1-...>         (In-Reply-To: Zq00OYowF5kc9QFE)
//   │        └─ Sean <ZrFezgVbCI3DRQH3>    (In-Reply-To: 345d89c1)
//   │           └─ maobibo <d673ec04-...>  (In-Reply-To: ZrFezgVbCI3DRQH3)
//   └─ maobibo <b54357a9-...>  8 Aug      (In-Reply-To: 64; "Reviewed-by: Bibo Mao")
const EXPECTED = [
  { id: "a039b758-d4e3-3798-806f-25bceb2f33a5@loongson.cn", level: 0, from: "maobibo" },
  { id: "Zq00OYowF5kc9QFE@google.com", level: 1, from: "Sean Christopherson" },
  { id: "345d89c1-4f31-6b49-2cd4-a0696210fa7c@loongson.cn", level: 2, from: "maobibo" },
  { id: "ZrFezgVbCI3DRQH3@google.com", level: 3, from: "Sean Christopherson" },
  { id: "d673ec04-5445-6233-81e2-49863d044bf0@loongson.cn", level: 4, from: "maobibo" },
  { id: "b54357a9-6146-603b-45cd-e8ee0db4a709@loongson.cn", level: 0, from: "maobibo" },
];

describe("patch 64 thread page", () => {
  let browser: Browser;
  let page: Page;
  let pageErrors: string[];
  const baseUrl = inject("baseUrl");
  const p64 = patchId(12, 64);
  const p65 = patchId(12, 65);

  beforeAll(async () => {
    browser = await launchBrowser();
    ({ page, pageErrors } = await openPage(browser));
    await page.goto(`${baseUrl}/patch/${p64}`);
  });
  afterAll(async () => browser?.close());

  const messages = () => page.locator("[data-testid=thread] [data-testid=thread-message]");

  it("shows the six replies nested by In-Reply-To, each with its lore link", async () => {
    await expect(messages().count()).resolves.toBe(6);
    const seen = await messages().evaluateAll((els) =>
      els.map((e) => ({
        level: Number(e.getAttribute("data-level")),
        lore: Array.from(e.querySelectorAll("a")).map((a) => a.getAttribute("href")).find((h) => h?.startsWith("https://lore.kernel.org/")),
        from: e.querySelector("strong")?.textContent ?? "",
        indent: parseFloat(getComputedStyle(e).marginLeft),
      })),
    );
    expect(seen.map((s) => s.level)).toEqual(EXPECTED.map((e) => e.level));
    expect(seen.map((s) => s.lore)).toEqual(EXPECTED.map((e) => `https://lore.kernel.org/r/${encodeURIComponent(e.id)}`));
    seen.forEach((s, i) => expect(s.from).toContain(EXPECTED[i].from));
    // Nesting is visible, not just an attribute: a reply to a reply sits further right.
    expect(seen[1].indent).toBeGreaterThan(seen[0].indent);
    expect(seen[4].indent).toBeGreaterThan(seen[3].indent);
    expect(seen[5].indent).toBe(seen[0].indent);
    await expect(page.locator("#thread-h").innerText()).resolves.toContain("(6)");
  });

  it("folds long quotes behind a closed 'show N quoted lines' summary that opens to the text", async () => {
    const folds = page.locator("[data-testid=thread] [data-testid=quote-fold]");
    expect(await folds.count()).toBeGreaterThanOrEqual(6); // every reply quotes 40+ lines
    const fold = folds.first();
    const summary = await fold.locator("summary").innerText();
    const n = Number(/^show (\d+) quoted lines$/.exec(summary.trim())?.[1]);
    expect(n).toBeGreaterThan(3);
    await expect(fold.evaluate((d: HTMLDetailsElement) => d.open)).resolves.toBe(false);
    const hidden = (await fold.textContent())!.slice(summary.length);
    const quoted = hidden.split("\n").filter((l) => l.startsWith(">"));
    expect(quoted.length).toBeGreaterThan(3);
    // Closed: only the summary is rendered.
    await expect(fold.innerText()).resolves.toBe(summary);
    await fold.locator("summary").click();
    await expect(fold.evaluate((d: HTMLDetailsElement) => d.open)).resolves.toBe(true);
    const shown = await fold.innerText();
    expect(shown).toContain(quoted[0].trim());
    expect(shown).toContain(quoted[quoted.length - 1].trim());
    const box = await fold.boundingBox();
    expect(box!.height).toBeGreaterThan(3 * 12);
  });

  it("links each reply's raw mail, served as text/plain exactly as stored", async () => {
    const last = messages().nth(5);
    const href = await last.getByRole("link", { name: "raw" }).getAttribute("href");
    const res = await fetch(new URL(href!, baseUrl));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/plain/);
    const text = await res.text();
    expect(text).toMatch(/^Message-ID: <b54357a9-6146-603b-45cd-e8ee0db4a709@loongson\.cn>/im);
    expect(text).toMatch(/^In-Reply-To: <20240726235234\.228822-65-seanjc@google\.com>/im);
    expect(text).toContain("Reviewed-by: Bibo Mao <maobibo@loongson.cn>");
    // The patch header's own raw link.
    const own = await page.locator("header").getByRole("link", { name: "raw" }).getAttribute("href");
    const patchRaw = await (await fetch(new URL(own!, baseUrl))).text();
    expect(patchRaw).toMatch(/^Subject: \[PATCH v12 64\/84\]/m);
    expect(patchRaw).toContain("diff --git a/arch/loongarch/kvm/mmu.c");
  });

  it("moves with the keyboard: n to patch 65, p back to 64, / to the search box", async () => {
    await page.locator("h1").click(); // focus in the page, not in a control
    await page.keyboard.press("n");
    await page.waitForURL(new RegExp(`/patch/${p65}$`));
    await expect(page.locator("h1").innerText()).resolves.toContain("[PATCH v12 65/84]");
    await page.keyboard.press("p");
    await page.waitForURL(new RegExp(`/patch/${p64}$`));
    await expect(page.locator("h1").innerText()).resolves.toContain("[PATCH v12 64/84]");
    await page.keyboard.press("/");
    await expect(page.evaluate(() => document.activeElement?.getAttribute("data-testid"))).resolves.toBe("search-box");
    // The slash is a shortcut, not typed into the box.
    await expect(page.getByTestId("search-box").inputValue()).resolves.toBe("");
    // Typing in the box does not trigger shortcuts.
    await page.keyboard.type("np");
    await expect(page.getByTestId("search-box").inputValue()).resolves.toBe("np");
    expect(page.url()).toMatch(new RegExp(`/patch/${p64}$`));
    expect(pageErrors).toEqual([]);
  });
});
