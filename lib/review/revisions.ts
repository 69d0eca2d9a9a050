import { parseSubject, topicOf } from "../mail/subject";

// The same patch in another revision of a series: same title (numbers shift between
// revisions: v12's 64/84 is v13's 65/85), and whether the reviews it got were carried into
// the other revision's patch mail.

export type RevisionPatch = { id: number; number: number; subject: string; messageId: string; trailers: readonly { kind: string; email: string; verified: boolean; via: string }[] };

export type RevisionMatch = {
  revision: number;
  id: number;
  number: number;
  messageId: string;
  /** Reviews given on the older revision that the newer one carries (kind + address). */
  carried: string[];
  /** Reviews given on the older revision that the newer one dropped. */
  dropped: string[];
};

const REVIEW_KINDS = new Set(["acked-by", "reviewed-by", "tested-by"]);

export function patchTitleKey(subject: string): string {
  return topicOf(parseSubject(subject).title);
}

function reviewsOf(p: RevisionPatch, givenOnly: boolean): Set<string> {
  return new Set(
    p.trailers.filter((t) => t.verified && t.email && REVIEW_KINDS.has(t.kind) && (!givenOnly || t.via !== "self")).map((t) => `${t.kind}: ${t.email}`),
  );
}

/** For one patch, its counterparts in the other revisions (ordered by revision). */
export function findInOtherRevisions(patch: RevisionPatch, revision: number, others: { revision: number; patches: readonly RevisionPatch[] }[]): RevisionMatch[] {
  const key = patchTitleKey(patch.subject);
  const out: RevisionMatch[] = [];
  for (const o of [...others].sort((a, b) => a.revision - b.revision)) {
    if (o.revision === revision) continue;
    const match = o.patches.find((p) => patchTitleKey(p.subject) === key);
    if (!match) continue;
    const [older, newer] = o.revision < revision ? [match, patch] : [patch, match];
    const given = reviewsOf(older, true);
    const present = reviewsOf(newer, false);
    out.push({
      revision: o.revision,
      id: match.id,
      number: match.number,
      messageId: match.messageId,
      carried: [...given].filter((g) => present.has(g)),
      dropped: [...given].filter((g) => !present.has(g)),
    });
  }
  return out;
}
