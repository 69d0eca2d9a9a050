import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { matchSectionsForPath, parseMaintainers, sectionsForPaths, type Section } from "../../lib/review/maintainers";
import { corpusPath } from "./corpus";

// get_maintainer.pl parity over the real MAINTAINERS of Linux 6.12. The expected rows were printed
// by get_maintainer.pl itself (see the header of fixtures/get-maintainer-6.12.tsv), never by us.

let sections: Section[];
beforeAll(() => {
  sections = parseMaintainers(readFileSync(corpusPath("maintainers/MAINTAINERS-6.12"), "utf8"));
});

type Row = { depth: number; title: string };
const expected = new Map<string, Row[]>();
for (const line of readFileSync(path.join(__dirname, "fixtures/get-maintainer-6.12.tsv"), "utf8").split("\n")) {
  if (!line || line.startsWith("#")) continue;
  const [file, depth, title] = line.split("\t");
  if (!expected.has(file)) expected.set(file, []);
  expected.get(file)!.push({ depth: Number(depth), title });
}

describe("parseMaintainers", () => {
  it("reads every section of MAINTAINERS-6.12", () => {
    // grep -c of sections: untyped title lines followed by typed lines; THE REST is last.
    expect(sections.length).toBeGreaterThan(2900);
    expect(sections[sections.length - 1].title).toBe("THE REST");
    const riscv = sections.find((s) => s.title === "KERNEL VIRTUAL MACHINE FOR RISC-V (KVM/riscv)")!;
    expect(riscv.maintainers).toEqual(["Anup Patel <anup@brainfault.org>"]);
    expect(riscv.reviewers).toEqual(["Atish Patra <atishp@atishpatra.org>"]);
    expect(riscv.lists).toContain("kvm-riscv@lists.infradead.org");
    expect(riscv.status).toBe("Maintained");
    expect(riscv.files).toContain("arch/riscv/kvm/");
    const loong = sections.find((s) => s.title === "KERNEL VIRTUAL MACHINE FOR LOONGARCH (KVM/LoongArch)")!;
    expect(loong.maintainers).toEqual(["Tianrui Zhao <zhaotianrui@loongson.cn>", "Bibo Mao <maobibo@loongson.cn>", "Huacai Chen <chenhuacai@kernel.org>"]);
  });
});

describe("get_maintainer.pl parity (fixtures/get-maintainer-6.12.tsv)", () => {
  it(`same sections and depths for all ${expected.size} paths`, () => {
    const mismatches: string[] = [];
    for (const [file, rows] of expected) {
      const got = matchSectionsForPath(sections, file).map((m) => `${m.depth}\t${m.section.title}`).sort();
      const want = rows.map((r) => `${r.depth}\t${r.title}`).sort();
      if (JSON.stringify(got) !== JSON.stringify(want)) mismatches.push(`${file}\n  want ${want.join(" | ")}\n  got  ${got.join(" | ")}`);
    }
    expect(mismatches).toEqual([]);
  });
});

describe("owners (deepest sections) for the KVM files", () => {
  it.each<[string, string[], string[]]>([
    ["arch/riscv/kvm/mmu.c", ["KERNEL VIRTUAL MACHINE FOR RISC-V (KVM/riscv)"], ["RISC-V ARCHITECTURE", "THE REST"]],
    ["arch/loongarch/kvm/mmu.c", ["KERNEL VIRTUAL MACHINE FOR LOONGARCH (KVM/LoongArch)"], ["LOONGARCH", "THE REST"]],
    ["arch/mips/kvm/mmu.c", ["KERNEL VIRTUAL MACHINE FOR MIPS (KVM/mips)"], ["MIPS", "THE REST"]],
    ["arch/arm64/kvm/mmu.c", ["KERNEL VIRTUAL MACHINE FOR ARM64 (KVM/arm64)"], ["ARM64 PORT (AARCH64 ARCHITECTURE)", "THE REST"]],
    ["arch/x86/kvm/mmu/mmu.c", ["KERNEL VIRTUAL MACHINE FOR X86 (KVM/x86)"], ["X86 ARCHITECTURE (32-BIT AND 64-BIT)", "THE REST"]],
    ["virt/kvm/kvm_main.c", ["KERNEL VIRTUAL MACHINE (KVM)"], ["THE REST"]],
    ["include/linux/kvm_host.h", ["KERNEL VIRTUAL MACHINE (KVM)"], ["THE REST"]],
    ["arch/powerpc/kvm/e500_mmu_host.c", ["KERNEL VIRTUAL MACHINE FOR POWERPC (KVM/powerpc)"], ["LINUX FOR POWERPC (32-BIT AND 64-BIT)", "THE REST"]],
    ["arch/s390/kvm/kvm-s390.c", ["KERNEL VIRTUAL MACHINE for s390 (KVM/s390)"], ["S390 ARCHITECTURE", "THE REST"]],
    ["arch/s390/kvm/gaccess.c", ["KERNEL VIRTUAL MACHINE for s390 (KVM/s390)"], ["S390 ARCHITECTURE", "THE REST"]],
  ])("%s", (file, owners, cc) => {
    const r = sectionsForPaths(sections, [file]);
    expect(r.owners.map((s) => s.title)).toEqual(owners);
    expect(r.cc.map((s) => s.title).sort()).toEqual([...cc].sort());
  });

  it("a multi-file patch: union, owners first, no section twice", () => {
    const r = sectionsForPaths(sections, ["arch/riscv/kvm/mmu.c", "virt/kvm/kvm_main.c", "arch/riscv/kvm/vcpu.c"]);
    expect(r.owners.map((s) => s.title)).toEqual(["KERNEL VIRTUAL MACHINE FOR RISC-V (KVM/riscv)", "KERNEL VIRTUAL MACHINE (KVM)"]);
    expect(r.cc.map((s) => s.title)).toEqual(["RISC-V ARCHITECTURE", "THE REST"]);
  });

  it("is fast enough for 84 patches x 50 files", () => {
    const files = [...expected.keys()].slice(0, 50);
    const t0 = performance.now();
    for (let p = 0; p < 84; p++) sectionsForPaths(sections, files.map((f) => (p % 2 ? f : `${f}`)));
    expect(performance.now() - t0).toBeLessThan(2000);
  });
});
