import type { SeriesGroup } from "../mail/threading";
import type { ThreadMessage } from "../mail/types";
import { archesForPatch, type ArchTag } from "./arch";

// Everything the review rules derive for one series, as plain data for the store.

export type AppliedInfo = { tree: string; commit: string | null; by: string; messageId: string };

export type AppliedTrailer = {
  kind: string;
  label: string;
  name: string;
  email: string;
  messageId: string;
  via: "self" | "reply" | "cover";
  scope?: string;
  scopeResolved: boolean;
  note?: string;
  verified: boolean;
};

export type PatchAnalysis = { arches: ArchTag[]; trailers: AppliedTrailer[]; applied: AppliedInfo | null };
export type SeriesAnalysis = { patches: Map<string, PatchAnalysis> };

export function analyzeSeries(group: SeriesGroup, members: ThreadMessage[]): SeriesAnalysis {
  const byId = new Map(members.map((m) => [m.messageId, m]));
  const patches = new Map<string, PatchAnalysis>();
  for (const p of group.patches) {
    const m = byId.get(p.messageId);
    if (!m) continue;
    patches.set(p.messageId, { arches: archesForPatch(m.subjectInfo.title, m.files), trailers: [], applied: null });
  }
  return { patches };
}
