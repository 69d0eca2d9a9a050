// Select shapes shared by the reads, so a page, the report and the API read a patch the same way.

export const patchFieldsSelect = {
  id: true,
  number: true,
  subject: true,
  messageId: true,
  authorName: true,
  authorEmail: true,
  date: true,
  files: true,
  added: true,
  removed: true,
  replyCount: true,
  appliedTree: true,
  appliedCommit: true,
  appliedBy: true,
  appliedMessageId: true,
  arches: { select: { arch: true, source: true } },
} as const;

// No orderBy inside these nested selects: Prisma's adapter then binds a parameter per parent row
// and a whole-archive read (5,353 patches) goes past SQLite's limit. Rows come back in index
// order (patchId, id); sortById() makes that explicit where order matters.
export const trailerSelect = {
  select: { id: true, kind: true, label: true, name: true, email: true, value: true, verified: true, via: true, messageId: true, scope: true, scopeResolved: true, note: true },
} as const;

export const sectionSelect = {
  select: { id: true, arch: true, name: true, role: true, status: true, maintainers: true, reviewers: true, owedBy: true, satisfiedBy: true },
} as const;

export const seriesFieldsSelect = {
  id: true,
  title: true,
  topic: true,
  revision: true,
  total: true,
  coverMessageId: true,
  messageCount: true,
  authorName: true,
  authorEmail: true,
  date: true,
  lastActivity: true,
} as const;

/** Rows in insertion order (the order the review rules produced them). */
export function sortById<T extends { id: number }>(rows: T[]): T[] {
  return rows.sort((a, b) => a.id - b.id);
}
