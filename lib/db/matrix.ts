import { DASHBOARD_ARCHES } from "../review/arch";
import { findPatchState, type PatchState } from "../review/patch-state";
import { summarizeArches, type ArchSummary } from "../review/status";
import { getPrisma } from "./client";
import { sectionSelect } from "./selects";
import { toSection } from "./report";

// The series page's arch matrix: one row per arch the series touches, each with its patch cells.

export type MatrixCell = { patchId: number; number: number; title: string; state: PatchState; owedBy: string[] };
export type ArchMatrix = { rows: (ArchSummary & { cells: MatrixCell[] })[] };

export async function getArchMatrix(seriesId: number): Promise<ArchMatrix> {
  const prisma = getPrisma();
  const patches = await prisma.patch.findMany({
    where: { seriesId },
    orderBy: [{ number: "asc" }, { date: "asc" }],
    select: {
      id: true,
      number: true,
      subject: true,
      replyCount: true,
      appliedTree: true,
      arches: { select: { arch: true } },
      trailers: { select: { kind: true, name: true, email: true, verified: true, messageId: true } },
      sections: sectionSelect,
    },
  });
  const prepared = patches.map((p) => ({
    ...p,
    archNames: p.arches.map((a) => a.arch),
    parsedSections: p.sections.map(toSection),
    state: findPatchState({ applied: !!p.appliedTree, replyCount: p.replyCount, trailers: p.trailers }),
  }));
  const summary = summarizeArches(
    prepared.map((p) => ({ arches: p.archNames, trailers: p.trailers, applied: p.appliedTree, sections: p.parsedSections })),
    DASHBOARD_ARCHES,
  );
  return {
    rows: summary.map((row) => ({
      ...row,
      cells: prepared
        .filter((p) => p.archNames.includes(row.arch))
        .map((p) => ({
          patchId: p.id,
          number: p.number,
          title: p.subject.replace(/^\[[^\]]*\]\s*/, ""),
          state: p.state,
          owedBy: [...new Set(p.parsedSections.filter((s) => s.arch === row.arch && s.status === "owed").flatMap((s) => s.owedBy))],
        })),
    })),
  };
}
