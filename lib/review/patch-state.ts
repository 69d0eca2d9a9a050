import { APPROVING_KINDS } from "./status";

// The colour of a patch cell in the arch matrix: the strongest review fact it has.
export type PatchState = "applied" | "reviewed" | "tested" | "discussed" | "silent";

export const PATCH_STATE_LABELS: Record<PatchState, string> = {
  applied: "applied",
  reviewed: "acked/reviewed",
  tested: "tested only",
  discussed: "discussed",
  silent: "silent",
};

export function findPatchState(p: { applied: boolean; replyCount: number; trailers: readonly { kind: string; verified: boolean }[] }): PatchState {
  if (p.applied) return "applied";
  if (p.trailers.some((t) => t.verified && APPROVING_KINDS.has(t.kind))) return "reviewed";
  if (p.trailers.some((t) => t.verified && t.kind === "tested-by")) return "tested";
  if (p.replyCount > 0) return "discussed";
  return "silent";
}
