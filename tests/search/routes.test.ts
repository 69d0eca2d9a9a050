// The HTTP surface without a server: the route handlers and the server-rendered page, on a temp
// database holding the real v12 thread (DATABASE_URL points getDatabase() at it).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { renderToStaticMarkup } from "react-dom/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const MBOX = "/work/shared/corpus/lore-v12/v12-thread.linux-mips.mbox";
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "patchdash-search-routes-"));
const file = path.join(dir, "routes.db");

beforeAll(async () => {
  process.env.DATABASE_URL = `file:${file}`;
  const { getDatabase } = await import("@/lib/db/sqlite");
  const { ingestPaths } = await import("@/lib/ingest");
  // No onStored hook on purpose: the first search indexes what is missing.
  await ingestPaths([MBOX], { db: getDatabase() });
});

afterAll(async () => {
  const g = globalThis as unknown as { patchdashDb?: { close(): void } };
  g.patchdashDb?.close();
  delete g.patchdashDb;
  fs.rmSync(dir, { recursive: true, force: true });
});

async function api(qs: string) {
  const { GET } = await import("@/app/api/search/route");
  const res = await GET(new Request(`http://127.0.0.1:3000/api/search?${qs}`));
  return { status: res.status, body: await res.json() };
}

describe("GET /api/search", () => {
  it("returns the documented shape", async () => {
    const { status, body } = await api(`q=${encodeURIComponent('"false positives" f:seanjc')}`);
    expect(status).toBe(200);
    expect(body.query).toBe('"false positives" f:seanjc');
    expect(body.total).toBeGreaterThan(0);
    const hit = body.results.find((r: { messageId: string }) => r.messageId === "ZrFezgVbCI3DRQH3@google.com");
    expect(hit).toMatchObject({
      subject: expect.stringMatching(/64\/84/),
      from: { name: "Sean Christopherson", email: "seanjc@google.com" },
      date: expect.stringMatching(/^2024-08-05T23:22:54/),
      patch: { id: expect.any(Number), number: 64 },
      series: { id: expect.any(Number), title: expect.any(String), revision: 12 },
      snippet: expect.stringContaining("\u0001"),
    });
    expect(Object.keys(hit).sort()).toEqual(["date", "from", "messageId", "patch", "series", "snippet", "subject"]);
  });

  it.each([
    ["unclosed quote", '"unclosed'],
    ["unclosed paren", "(a OR b"],
    ["unknown is:", "is:whatever"],
    ["bad p:", "p:x"],
    ["2001 characters", "x".repeat(2001)],
    ["empty", ""],
  ])("400 with a reason: %s", async (_label, q) => {
    const { status, body } = await api(`q=${encodeURIComponent(q)}`);
    expect(status).toBe(400);
    expect(body.error).toMatch(/\w/);
    expect(body.results).toEqual([]);
  });

  it("pages and sorts", async () => {
    const a = await api("q=kvm&sort=date&n=5&page=1");
    const b = await api("q=kvm&sort=date&n=5&page=2");
    expect(a.body.results).toHaveLength(5);
    expect(a.body.total).toBe(b.body.total);
    expect(a.body.results[4].date >= b.body.results[0].date).toBe(true);
  });
});

describe("GET /search.atom", () => {
  it("is an Atom feed of the newest matches, escaped", async () => {
    const { GET } = await import("@/app/search.atom/route");
    const res = await GET(new Request(`http://127.0.0.1:3000/search.atom?q=${encodeURIComponent("dfn:arch/mips/kvm/mmu.c")}`));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/application\/atom\+xml/);
    const xml = await res.text();
    expect(xml).toMatch(/^<\?xml/);
    expect(xml.match(/<entry>/g)).toHaveLength(4);
    expect(xml).toContain("http://127.0.0.1:3000/patch/");
    expect(xml).not.toMatch(/[\u0001\u0002]/);
    expect(xml).toContain("&quot;struct page&quot;");
    const bad = await GET(new Request("http://127.0.0.1:3000/search.atom?q=%22"));
    expect(bad.status).toBe(400);
  });
});

describe("/search page", () => {
  // vitest here keeps tsconfig's `jsx: preserve`, so the page (TSX) is bundled with esbuild for the test;
  // react, next and the database stay external (same getDatabase() singleton on globalThis).
  type Page = (p: { searchParams: Promise<Record<string, string>> }) => Promise<React.ReactElement>;
  let SearchPage: Page;
  beforeAll(async () => {
    const esbuild = await import("esbuild");
    const out = path.join(dir, "search-page.mjs");
    await esbuild.build({
      entryPoints: [path.resolve("app/search/page.tsx")],
      outfile: out,
      bundle: true,
      format: "esm",
      platform: "node",
      jsx: "automatic",
      alias: { "@": path.resolve(".") },
      external: ["react", "react-dom", "next", "next/*", "better-sqlite3"],
      banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
      logLevel: "silent",
    });
    SearchPage = ((await import(/* @vite-ignore */ out)) as { default: Page }).default;
  });
  async function render(searchParams: Record<string, string>) {
    return renderToStaticMarkup(await SearchPage({ searchParams: Promise.resolve(searchParams) }));
  }

  it("shows results with <mark> highlights and links into the patch thread", async () => {
    const html = await render({ q: '"false positives" f:seanjc' });
    expect(html).toContain("<mark");
    expect(html).toMatch(/<mark[^>]*>false positive<\/mark>/);
    expect(html).toMatch(/href="\/patch\/\d+#m-ZrFezgVbCI3DRQH3%40google.com"/);
    expect(html).not.toMatch(/[\u0001\u0002]/);
    expect(html).toContain('data-testid="search-page-box"');
  });

  it("SearchBox is a plain GET form to /search with the header's label and test id", async () => {
    const esbuild = await import("esbuild");
    const out = path.join(dir, "search-box.mjs");
    await esbuild.build({
      entryPoints: [path.resolve("components/search-box.tsx")],
      outfile: out,
      bundle: true,
      format: "esm",
      platform: "node",
      jsx: "automatic",
      external: ["react", "react-dom"],
      logLevel: "silent",
    });
    const { SearchBox } = (await import(/* @vite-ignore */ out)) as { SearchBox: (p: object) => React.ReactElement };
    const html = renderToStaticMarkup(SearchBox({}));
    expect(html).toMatch(/^<form [^>]*action="\/search"/);
    expect(html).toMatch(/^<form [^>]*method="get"/);
    expect(html).toContain('name="q"');
    expect(html).toContain('aria-label="Search review comments"');
    expect(html).toContain('data-testid="search-box"');
  });

  it("explains a malformed query instead of failing", async () => {
    const html = await render({ q: "(kvm OR mmu" });
    expect(html).toContain('role="alert"');
    expect(html).toContain("is never closed");
  });

  it("shows help for an empty query and pagination for many results", async () => {
    expect(await render({})).toContain("How to search");
    const html = await render({ q: "kvm", n: "10", page: "2", sort: "date" });
    expect(html).toContain('rel="next"');
    expect(html).toContain('rel="prev"');
  });

  it("escapes mail text as text (no HTML from snippets)", async () => {
    const html = await render({ q: "dfb:struct" });
    expect(html).not.toMatch(/<struct/);
  });
});
