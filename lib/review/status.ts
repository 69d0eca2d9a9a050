import { isSameEmail } from "../mail/trailers";
import { findArchForPath } from "./arch";
import { findSectionEmail, isAckableSection, sectionsForPaths, type Section } from "./maintainers";

// Who still owes an answer, per patch and per arch (review-rules.md §2.5, rule 2): each file
// is owned by its most specific MAINTAINERS section(s); an owning section is satisfied by an
// Acked-by/Reviewed-by from one of its M:/R: people (sender-verified), or by the patch being
// applied by one of them; a section the patch author maintains is the author's own; any other
// owning section is owed, by its M: people. Broader matching sections are Cc only, and so are
// sections that never owe an ack (THE REST, sections without an M: line).

export type SectionStatus = "satisfied" | "owed" | "author" | "cc";

export type ReviewTrailer = { kind: string; name: string; email: string; verified: boolean; messageId: string };

export type PatchSection = {
  /** The arch whose files brought the section in ("common" for code outside arch/). */
  arch: string;
  name: string;
  role: "owner" | "cc";
  status: SectionStatus;
  maintainers: string[];
  reviewers: string[];
  /** M: people who have not answered (status "owed"). */
  owedBy: string[];
  /** The trailer (or applier) that satisfied it. */
  satisfiedBy: { name: string; email: string; kind: string; messageId: string } | null;
};

export const APPROVING_KINDS: ReadonlySet<string> = new Set(["acked-by", "reviewed-by"]);

// findSectionEmail is a pure function of the MAINTAINERS line, and the same few thousand M:/R:
// lines come up for every patch a section owns: memoised (bounded, cleared when full).
const sectionEmails = new Map<string, string | null>();
const SECTION_EMAILS_MAX = 50_000;

function sectionEmail(person: string): string | null {
  let e = sectionEmails.get(person);
  if (e === undefined) {
    e = findSectionEmail(person);
    if (sectionEmails.size >= SECTION_EMAILS_MAX) sectionEmails.clear();
    sectionEmails.set(person, e);
  }
  return e;
}

function emailsOf(people: string[]): string[] {
  return people.map(sectionEmail).filter((e): e is string => !!e);
}

function isOneOf(email: string, people: string[]): boolean {
  return !!email && emailsOf(people).some((e) => isSameEmail(e, email));
}

/** Group a patch's files by the arch they belong to. */
export function groupFilesByArch(files: readonly string[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const f of files) {
    const a = findArchForPath(f);
    (out.get(a) ?? out.set(a, []).get(a)!).push(f);
  }
  return out;
}

export function findPatchSections(
  patch: { files: readonly string[]; authorEmail: string; trailers: readonly ReviewTrailer[]; applied: { by: string; messageId: string } | null },
  sections: readonly Section[],
): PatchSection[] {
  const out: PatchSection[] = [];
  const approvals = patch.trailers.filter((t) => t.verified && APPROVING_KINDS.has(t.kind) && t.email);
  const appliedByEmail = patch.applied ? findSectionEmail(patch.applied.by) : null;
  const seen = new Set<string>();
  for (const [arch, files] of groupFilesByArch(patch.files)) {
    const matched = sectionsForPaths(sections, files);
    const owners = matched.owners.filter(isAckableSection);
    const cc = [...matched.owners.filter((s) => !isAckableSection(s)), ...matched.cc];
    for (const s of owners) {
      const key = `${arch}\u0000${s.title}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const people = [...s.maintainers, ...s.reviewers];
      const approval = approvals.find((t) => isOneOf(t.email, people));
      let status: SectionStatus;
      let satisfiedBy: PatchSection["satisfiedBy"] = null;
      if (approval) {
        status = "satisfied";
        satisfiedBy = { name: approval.name, email: approval.email, kind: approval.kind, messageId: approval.messageId };
      } else if (appliedByEmail && isOneOf(appliedByEmail, people)) {
        status = "satisfied";
        satisfiedBy = { name: patch.applied!.by, email: appliedByEmail, kind: "applied", messageId: patch.applied!.messageId };
      } else if (isOneOf(patch.authorEmail, s.maintainers)) status = "author";
      else status = "owed";
      out.push({
        arch,
        name: s.title,
        role: "owner",
        status,
        maintainers: s.maintainers,
        reviewers: s.reviewers,
        owedBy: status === "owed" ? s.maintainers : [],
        satisfiedBy,
      });
    }
    for (const s of cc) {
      const key = `${arch}\u0000${s.title}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ arch, name: s.title, role: "cc", status: "cc", maintainers: s.maintainers, reviewers: s.reviewers, owedBy: [], satisfiedBy: null });
    }
  }
  return out;
}

export type ArchSummary = { arch: string; patches: number; acked: number; reviewed: number; tested: number; applied: number; owed: number; owedBy: string[] };

/** The arch rows of the dashboard and the report's `arches` summary. */
export function summarizeArches(
  patches: readonly {
    arches: readonly string[];
    trailers: readonly ReviewTrailer[];
    applied: unknown | null;
    sections: readonly PatchSection[];
  }[],
  order: readonly string[],
): ArchSummary[] {
  const rows = new Map<string, ArchSummary>();
  const owedSets = new Map<string, Set<string>>();
  for (const p of patches) {
    for (const arch of p.arches) {
      const row = rows.get(arch) ?? rows.set(arch, { arch, patches: 0, acked: 0, reviewed: 0, tested: 0, applied: 0, owed: 0, owedBy: [] }).get(arch)!;
      row.patches++;
      const has = (kind: string) => p.trailers.some((t) => t.verified && t.kind === kind);
      if (has("acked-by")) row.acked++;
      if (has("reviewed-by")) row.reviewed++;
      if (has("tested-by")) row.tested++;
      if (p.applied) row.applied++;
      const owed = p.sections.filter((s) => s.arch === arch && s.status === "owed");
      if (owed.length) {
        row.owed++;
        const set = owedSets.get(arch) ?? owedSets.set(arch, new Set()).get(arch)!;
        for (const s of owed) for (const m of s.owedBy) set.add(m);
      }
    }
  }
  for (const [arch, set] of owedSets) rows.get(arch)!.owedBy = [...set].sort();
  const rank = (a: string) => (order.indexOf(a) < 0 ? order.length : order.indexOf(a));
  return [...rows.values()].sort((a, b) => rank(a.arch) - rank(b.arch) || a.arch.localeCompare(b.arch));
}
