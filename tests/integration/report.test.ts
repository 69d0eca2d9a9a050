import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rebuildDerived } from "../../lib/db/derive";
import { saveMaintainersFile } from "../../lib/db/maintainers";
import { ingestPaths } from "../../lib/ingest";
import { V12_COVER, V12_MBOX, V13_MBOX } from "../corpus";
import { makeTempDb } from "../helpers";

// The report as an outside check reads it (npm run report -- --json), on the real v12 and v13
// threads. Expected values come from reading the mail: Marc Zyngier's two b4-ty replies apply
// 01 and 02 to "next"; Bibo Mao (From: "maobibo") reviews 64-66; Alex Bennée's Tested-by on the
// cover reaches every patch; Anup Patel acks 56-58 "For KVM RISC-V:".

type Report = Awaited<ReturnType<typeof import("../../lib/db/report").getReport>>;

describe("report on the real v12 + v13 threads", () => {
  const t = makeTempDb();
  let report: Report;
  let getReport: typeof import("../../lib/db/report").getReport;
  beforeAll(async () => {
    await ingestPaths([V12_MBOX, V13_MBOX], { db: t.db });
    process.env.DATABASE_URL = `file:${t.file}`;
    ({ getReport } = await import("../../lib/db/report"));
    report = await getReport();
  });
  afterAll(() => t.remove());
  const v12 = () => report.series.find((s) => s.revision === 12)!;
  const patch = (n: number) => v12().patches.find((p) => p.number === n)!;
  const kinds = (n: number, via?: string) => patch(n).trailers.filter((x) => !via || x.via === via).map((x) => `${x.kind}: ${x.name} <${x.email}>`);

  it("has v12 with 84 patches and its cover, linked to v13", () => {
    expect(report.series.map((s) => s.revision).sort()).toEqual([12, 13]);
    expect(v12()).toMatchObject({ revision: 12, total: 84, coverMessageId: V12_COVER, messages: 150 });
    expect(v12().patches).toHaveLength(84);
    expect(v12().revisions.map((r) => r.revision)).toEqual([12, 13]);
    expect(report.failed).toEqual([]);
  });

  it("summarises the eight arches the series touches", () => {
    expect(v12().arches.map((a) => a.arch)).toEqual(["loongarch", "mips", "riscv", "arm64", "x86", "powerpc", "s390", "common"]);
    const loongarch = v12().arches.find((a) => a.arch === "loongarch")!;
    expect(loongarch).toMatchObject({ patches: 4, reviewed: 3 });
    const mips = v12().arches.find((a) => a.arch === "mips")!;
    expect(mips).toMatchObject({ patches: 4, reviewed: 0, owed: 4, owedBy: ["Huacai Chen <chenhuacai@kernel.org>"] });
  });

  it("marks 01 and 02 applied by Marc Zyngier, and nothing else", () => {
    expect(patch(1).applied).toMatchObject({ tree: "next", by: "Marc Zyngier <maz@kernel.org>" });
    expect(patch(1).applied!.commit).toMatch(/^ae41d7dbaeb4/);
    expect(patch(2).applied!.commit).toMatch(/^e0b7de4fd18c/);
    expect(v12().patches.filter((p) => p.applied).map((p) => p.number)).toEqual([1, 2]);
  });

  it("carries the cover letter's Tested-by to all 84 patches", () => {
    for (const p of v12().patches) expect(kinds(p.number, "cover")).toContain("Tested-by: Alex Bennée <alex.bennee@linaro.org>");
  });

  it("credits Bibo Mao's reviews sent as 'maobibo' to 64-66 and satisfies KVM/LoongArch there", () => {
    for (const n of [64, 65, 66]) expect(kinds(n, "reply")).toContain("Reviewed-by: Bibo Mao <maobibo@loongson.cn>");
    expect(kinds(67, "reply")).not.toContain("Reviewed-by: Bibo Mao <maobibo@loongson.cn>");
    expect(patch(64).sections).toContainEqual(expect.objectContaining({ name: "KERNEL VIRTUAL MACHINE FOR LOONGARCH (KVM/LoongArch)", status: "satisfied" }));
    expect(patch(67).sections).toContainEqual(expect.objectContaining({ name: "KERNEL VIRTUAL MACHINE FOR LOONGARCH (KVM/LoongArch)", status: "owed" }));
  });

  it("never counts quoted Signed-off-by lines from replies", () => {
    for (const p of v12().patches) expect(p.trailers.filter((x) => x.kind === "Signed-off-by" && x.via !== "self")).toEqual([]);
  });

  it("keeps Anup Patel's 'For KVM RISC-V:' acks scoped to the RISC-V patches", () => {
    for (const n of [56, 57, 58]) {
      const ack = patch(n).trailers.find((x) => x.kind === "Acked-by" && x.email === "anup@brainfault.org");
      expect(ack?.scope).toMatch(/RISC-V/);
    }
    expect(v12().arches.find((a) => a.arch === "riscv")).toMatchObject({ patches: 3, acked: 3, owed: 0 });
  });

  it("matches patches across revisions by title and says which reviews carried (v12 64 is v13 65)", () => {
    expect(patch(64).otherRevisions).toEqual([
      expect.objectContaining({ revision: 13, number: 65, carried: ["reviewed-by: maobibo@loongson.cn"] }),
    ]);
    // 01 and 02 were applied from v12, so v13 no longer has them.
    expect(patch(1).otherRevisions).toEqual([]);
  });

  it("re-derives owed acks from another MAINTAINERS file", async () => {
    saveMaintainersFile(t.db, "test", "KERNEL VIRTUAL MACHINE FOR MIPS (KVM/mips)\nM:\tNew Person <new@example.org>\nF:\tarch/mips/kvm/\n");
    rebuildDerived(t.db);
    const again = await getReport({ seriesId: v12().id });
    expect(again.series[0].arches.find((a) => a.arch === "mips")!.owedBy).toEqual(["New Person <new@example.org>"]);
  });
});
