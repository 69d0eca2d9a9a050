import { chromium, type Browser, type Page } from "playwright-core";

// Debian's Chromium (apt-get install chromium): Playwright's own download is not reachable here.
export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true });
}

/** A page that records script errors and dialogs, so a test can assert that nothing ran. */
export async function openPage(browser: Browser, opts: { width?: number; height?: number } = {}) {
  const page: Page = await browser.newPage({ viewport: { width: opts.width ?? 1280, height: opts.height ?? 900 } });
  const dialogs: string[] = [];
  const pageErrors: string[] = [];
  page.on("dialog", (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  page.on("pageerror", (e) => pageErrors.push(e.message));
  return { page, dialogs, pageErrors };
}
