import { describe, expect, inject, it } from "vitest";

// The JSON API and feeds over the real HTTP server started by global-setup.
const baseUrl = inject("baseUrl");
const get = (path: string) => fetch(`${baseUrl}${path}`);

describe("JSON API", () => {
  it("lists series with their arch summaries", async () => {
    const r = await get("/api/series");
    expect(r.status).toBe(200);
    const body = (await r.json()) as { series: { id: number; revision: number; patchCount: number; arches: { arch: string }[] }[] };
    const v12 = body.series.find((s) => s.revision === 12)!;
    expect(v12.patchCount).toBe(84);
    expect(v12.arches.map((a) => a.arch)).toContain("loongarch");
  });

  it("returns one series in the report's shape, 400 for a bad id and 404 for an unknown one", async () => {
    const list = (await (await get("/api/series")).json()) as { series: { id: number; revision: number }[] };
    const id = list.series.find((s) => s.revision === 12)!.id;
    const r = await get(`/api/series/${id}`);
    const body = (await r.json()) as { series: { patches: { number: number; arches: string[]; replies: number }[] } };
    expect(body.series.patches.find((p) => p.number === 64)).toMatchObject({ arches: ["loongarch"], replies: 6 });
    const bad = await get("/api/series/abc");
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: string }).error).toMatch(/positive integer/);
    expect((await get("/api/series/999999")).status).toBe(404);
  });

  it("returns a patch with trailers, sections and its thread", async () => {
    const list = (await (await get("/api/series")).json()) as { series: { id: number; revision: number }[] };
    const id = list.series.find((s) => s.revision === 12)!.id;
    const series = (await (await get(`/api/series/${id}`)).json()) as { series: { patches: { id: number; number: number }[] } };
    const p64 = series.series.patches.find((p) => p.number === 64)!;
    const body = (await (await get(`/api/patches/${p64.id}`)).json()) as {
      patch: { trailers: { kind: string; email: string }[]; sections: { name: string; status: string }[] };
      thread: { messageId: string; parentId: string }[];
    };
    expect(body.patch.trailers).toContainEqual(expect.objectContaining({ kind: "Reviewed-by", email: "maobibo@loongson.cn" }));
    expect(body.patch.sections).toContainEqual(expect.objectContaining({ status: "satisfied" }));
    expect(body.thread).toHaveLength(6);
    expect((await get("/api/patches/0")).status).toBe(400);
    expect((await get("/api/patches/424242")).status).toBe(404);
  });

  it("serves a person's page data and 400s what is not an address", async () => {
    const r = await get(`/api/people/${encodeURIComponent("chenhuacai@kernel.org")}`);
    const body = (await r.json()) as { owed: { patch: { subject: string } }[]; maintains: { name: string }[] };
    expect(body.owed.map((o) => o.patch.subject)).toContain("[PATCH v12 68/84] KVM: MIPS: Mark \"struct page\" pfns dirty only in \"slow\" page fault path");
    expect(body.maintains.map((m) => m.name)).toContain("KERNEL VIRTUAL MACHINE FOR MIPS (KVM/mips)");
    expect((await get("/api/people/not-an-address")).status).toBe(400);
  });
});

describe("Atom feeds", () => {
  it("lists a series' newest messages and a person's owed patches as Atom", async () => {
    const list = (await (await get("/api/series")).json()) as { series: { id: number; revision: number }[] };
    const id = list.series.find((s) => s.revision === 12)!.id;
    const feed = await get(`/series/${id}/atom`);
    expect(feed.headers.get("content-type")).toMatch(/atom\+xml/);
    const xml = await feed.text();
    expect(xml).toContain("<feed xmlns=\"http://www.w3.org/2005/Atom\">");
    expect(xml.match(/<entry>/g)!.length).toBeGreaterThan(10);
    expect(xml).not.toContain("<script>");
    const owed = await (await get(`/person/${encodeURIComponent("chenhuacai@kernel.org")}/atom`)).text();
    expect(owed).toContain("KVM: MIPS: Mark &quot;struct page&quot; pfns dirty only");
  });
});
