import type { SeriesGroup } from "../mail/threading";
import type { ThreadMessage } from "../mail/types";
import { archesForPatch, type ArchTag } from "./arch";
import { collectApplied, collectTrailers, type AppliedState, type CollectedTrailer } from "./collect";
import type { Section } from "./maintainers";

// Everything the review rules derive for one series, as plain data for the store.

export type AppliedInfo = AppliedState;

export type AppliedTrailer = {
  kind: string;
  label: string;
  name: string;
  email: string;
  value: string;
  messageId: string;
  via: "self" | "reply" | "cover";
  scope?: string;
  scopeResolved: boolean;
  note?: string;
  verified: boolean;
};

export type PatchAnalysis = { arches: ArchTag[]; trailers: AppliedTrailer[]; applied: AppliedInfo | null };
export type SeriesAnalysis = { patches: Map<string, PatchAnalysis> };

function toApplied(t: CollectedTrailer): AppliedTrailer {
  return {
    kind: t.kind,
    label: t.label,
    name: t.name,
    email: t.email ?? "",
    value: t.value,
    messageId: t.messageId,
    via: t.via,
    ...(t.scope ? { scope: t.scope } : {}),
    scopeResolved: t.scopeResolved,
    ...(t.note ? { note: t.note } : {}),
    verified: t.verified,
  };
}

export function analyzeSeries(group: SeriesGroup, members: ThreadMessage[], sections?: readonly Section[]): SeriesAnalysis {
  const byId = new Map(members.map((m) => [m.messageId, m]));
  const arches: Record<string, ArchTag[]> = {};
  for (const p of group.patches) {
    const m = byId.get(p.messageId);
    if (m) arches[p.messageId] = archesForPatch(m.subjectInfo.title, m.files);
  }
  const archNames = Object.fromEntries(Object.entries(arches).map(([id, tags]) => [id, tags.map((t) => t.arch)]));
  const { byPatch } = collectTrailers(members, { arches: archNames, sections });
  const applied = collectApplied(members);
  const patches = new Map<string, PatchAnalysis>();
  for (const p of group.patches) {
    if (!arches[p.messageId]) continue;
    patches.set(p.messageId, {
      arches: arches[p.messageId],
      // Only person and known review trailers matter downstream; utility ones (Link:, Fixes:) are kept too.
      trailers: (byPatch[p.messageId] ?? []).map(toApplied),
      applied: applied[p.messageId] ?? null,
    });
  }
  return { patches };
}
