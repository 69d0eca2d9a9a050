import { isSameEmail } from "../mail/trailers";
import { findSectionEmail } from "../review/maintainers";
import { getPrisma } from "./client";
import { getMaintainerSections } from "./maintainers";
import { getDatabase } from "./sqlite";

// A person's page: what they acked, reviewed and tested, the sections they maintain, and
// the patches still waiting for them.

export async function getPersonByEmail(email: string) {
  const prisma = getPrisma();
  const addr = email.trim().toLowerCase();
  const person = await prisma.person.findUnique({ where: { email: addr }, select: { id: true, email: true, name: true, names: true } });
  const trailers = await prisma.trailer.findMany({
    where: { email: addr, via: { not: "self" }, kind: { in: ["acked-by", "reviewed-by", "tested-by", "nacked-by"] } },
    orderBy: [{ patch: { seriesId: "asc" } }, { patch: { number: "asc" } }],
    select: {
      kind: true,
      verified: true,
      via: true,
      messageId: true,
      patch: { select: { id: true, number: true, subject: true, series: { select: { id: true, revision: true, title: true } } } },
    },
  });
  // owedBy holds "Name <addr>" strings; the bound LIKE narrows, the exact check below decides.
  const owedRows = await prisma.patchSection.findMany({
    where: { status: "owed", owedBy: { contains: addr } },
    orderBy: [{ patch: { seriesId: "asc" } }, { patch: { number: "asc" } }],
    select: { name: true, arch: true, owedBy: true, patch: { select: { id: true, number: true, subject: true, date: true, series: { select: { id: true, revision: true, title: true } } } } },
  });
  const owed = owedRows.filter((r) => (JSON.parse(r.owedBy) as string[]).some((p) => findSectionEmail(p) === addr));
  const { sections } = getMaintainerSections(getDatabase());
  const maintains = sections
    .filter((s) => [...s.maintainers, ...s.reviewers].some((p) => {
      const e = findSectionEmail(p);
      return !!e && isSameEmail(e, addr);
    }))
    .map((s) => ({ name: s.title, role: s.maintainers.some((p) => findSectionEmail(p) === addr) ? "M" : "R" }));
  if (!person && trailers.length === 0 && owed.length === 0 && maintains.length === 0) return null;
  return {
    email: addr,
    name: person?.name ?? "",
    names: person ? (JSON.parse(person.names) as string[]) : [],
    trailers,
    owed,
    maintains,
  };
}

export type PersonDetail = NonNullable<Awaited<ReturnType<typeof getPersonByEmail>>>;
