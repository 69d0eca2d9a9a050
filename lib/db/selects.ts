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

export const trailerSelect = {
  orderBy: { id: "asc" },
  select: { kind: true, label: true, name: true, email: true, value: true, verified: true, via: true, messageId: true, scope: true, scopeResolved: true, note: true },
} as const;

export const sectionSelect = {
  orderBy: { id: "asc" },
  select: { arch: true, name: true, role: true, status: true, maintainers: true, reviewers: true, owedBy: true, satisfiedBy: true },
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
