// Which trailers each patch of a thread ends up with: b4's get_series walk (src/b4/__init__.py,
// LoreMailbox.get_series + LoreSeries.add_cover_trailers), with our extensions. Pure.
//
// b4 rules kept:
// - A follow-up's trailers (find_trailers(followup=True), minus From:/Cc:/... metadata) walk up the
//   parent chain. At a patch they attach to it. At the cover letter they attach to the cover, and
//   the cover's trailers go to every patch of that revision. At an intermediate reply, that reply's
//   own trailers are appended and the walk goes on (so a trailer six levels down reaches its patch).
// - A person trailer counts only when it matches the sender (isTrailerFromSender).
// - The patch's own trailers (its commit message's last paragraph) are there too (via "self").
// Our differences (also in tests/golden/README.md):
// - Mismatched person trailers are kept, verified: false, instead of dropped.
// - Trailers appended from an intermediate reply keep their own sender check (b4 appends
//   pmsg.trailers unchecked, so a mismatched trailer in a reply that got a reply slips through).
// - Scoped cover-letter trailers ("# arm64", "[for the arm64 part]", "For KVM RISC-V:") go only to
//   the patches the scope resolves to; an unresolvable scope goes to all (b4) and is flagged.
// - Deduplication by (kind, email) -- b4 compares (name, value) -- keeping the first, but a
//   verified copy replaces an unverified one.
// - No carry-over from other revisions by git patch-id (b4 needs git for that); b4's partial
//   re-roll is honoured for cover-letter trailers only.

import { findPatchTrailers, findReplyTrailers, isTrailerFromSender, type Trailer } from "../mail/trailers";
import type { Address, ThreadMessage } from "../mail/types";
import { findApplied } from "./applied";
import type { Section } from "./maintainers";
import { findScopeText, parseScope, resolveScope, type ScopePatch } from "./scope";

export type TrailerVia = "self" | "reply" | "cover";

export type CollectedTrailer = {
  /** Lower-case trailer name: "acked-by". */
  kind: string;
  /** Trailer name as written: "Acked-by". */
  label: string;
  /** The person's name in the trailer ("" when none). */
  name: string;
  /** The person's address (lower-case), null for non-person trailers. */
  email: string | null;
  value: string;
  type: Trailer["type"];
  /** Message the trailer was written in. */
  messageId: string;
  /** Sender of that message. */
  from: Address | null;
  via: TrailerVia;
  /** Scope text (extinfo or prose above the trailer), when there is one. */
  scope?: string;
  /** False when a scope could not be resolved (the trailer then applies as b4 would) or excludes this patch. */
  scopeResolved: boolean;
  /** Person trailer matches its sender (b4 get_trailers); always true for self and non-person trailers. */
  verified: boolean;
  /** extinfo without "#"/brackets. */
  note?: string;
};

export type UnattachedTrailer = { trailer: CollectedTrailer; reason: string };

export type CollectOptions = {
  /** Arch tags per patch Message-ID (lib/review/arch.ts); derived from arch/<a>/ paths when absent. */
  arches?: Record<string, string[]>;
  /** MAINTAINERS sections, to resolve subsystem scopes ("KVM/riscv"). */
  sections?: readonly Section[];
};

export type CollectResult = {
  /** Patch Message-ID -> trailers that apply to it, in b4's order (self, replies, cover). */
  byPatch: Record<string, CollectedTrailer[]>;
  /** Trailers that reached no patch (parent missing, loop, or a non-cover non-patch root). */
  unattached: UnattachedTrailer[];
};

type Written = { t: Trailer; msg: ThreadMessage; verified: boolean };

function toCollected(w: Written, via: TrailerVia): CollectedTrailer {
  const c: CollectedTrailer = {
    kind: w.t.kind,
    label: w.t.name,
    name: w.t.personName ?? "",
    email: w.t.email ? w.t.email.toLowerCase() : null,
    value: w.t.value,
    type: w.t.type,
    messageId: w.msg.messageId,
    from: w.msg.from,
    via,
    scopeResolved: true,
    verified: w.verified,
  };
  if (w.t.note !== undefined) c.note = w.t.note;
  return c;
}

function dedupKey(c: CollectedTrailer): string {
  return `${c.kind}\u0000${c.email ?? c.value.toLowerCase()}`;
}

function archesFromFiles(files: string[]): string[] {
  const out = new Set<string>();
  for (const f of files) {
    const m = /^arch\/([^/]+)\//.exec(f);
    out.add(m ? m[1] : "common");
  }
  return [...out];
}

/** The scope text of a trailer: its extinfo, else the prose right above it. */
function scopeTextOf(w: Written): string | null {
  if (w.t.note) return parseScope(w.t.note) ? w.t.note : null;
  return findScopeText(w.msg.body, w.t.lineIndex);
}

export function collectTrailers(messages: readonly ThreadMessage[], opts: CollectOptions = {}): CollectResult {
  const byId = new Map<string, ThreadMessage>();
  for (const m of messages) if (!byId.has(m.messageId)) byId.set(m.messageId, m); // b4: dedup by Message-ID
  const all = [...byId.values()];
  const patches = all.filter((m) => m.kind === "patch");
  const covers = all.filter((m) => m.kind === "cover");

  const byPatch: Record<string, CollectedTrailer[]> = {};
  const keyIndex = new Map<string, Map<string, number>>();
  const add = (patchId: string, c: CollectedTrailer) => {
    const list = (byPatch[patchId] ??= []);
    let keys = keyIndex.get(patchId);
    if (!keys) keyIndex.set(patchId, (keys = new Map()));
    const k = dedupKey(c);
    const at = keys.get(k);
    if (at === undefined) {
      keys.set(k, list.length);
      list.push(c);
    } else if (!list[at].verified && c.verified) {
      list[at] = c;
    }
  };

  // Patches of each revision, as scope candidates.
  const scopePatch = (p: ThreadMessage): ScopePatch => ({
    number: p.subjectInfo.counter,
    arches: opts.arches?.[p.messageId] ?? archesFromFiles(p.files),
    files: p.files,
  });

  // 1. The patch's own trailers.
  for (const p of patches) {
    byPatch[p.messageId] ??= [];
    for (const t of findPatchTrailers(p.body)) add(p.messageId, toCollected({ t, msg: p, verified: true }, "self"));
  }

  const ownTrailers = new Map<string, Written[]>();
  const replyTrailers = (m: ThreadMessage): Written[] => {
    let w = ownTrailers.get(m.messageId);
    if (!w) {
      w = findReplyTrailers(m.body).map((t) => ({ t, msg: m, verified: isTrailerFromSender(t, m.from) }));
      ownTrailers.set(m.messageId, w);
    }
    return w;
  };

  // 2. Follow-ups, walked up to their patch or cover.
  const coverTrailers = new Map<string, Written[]>();
  const unattached: UnattachedTrailer[] = [];
  const toPatch: { patch: ThreadMessage; list: Written[] }[] = [];
  for (const f of all) {
    if (f.kind !== "reply") continue;
    const own = replyTrailers(f);
    if (!own.length) continue;
    const list = [...own];
    const seen = new Set([f.messageId]);
    let p = f.parentId ? byId.get(f.parentId) : undefined;
    let reason: string | null = p ? null : "parent not in the thread";
    while (p && !reason) {
      if (p.kind === "patch") {
        toPatch.push({ patch: p, list });
        break;
      }
      if (p.kind === "cover") {
        const cl = coverTrailers.get(p.messageId) ?? [];
        cl.push(...list);
        coverTrailers.set(p.messageId, cl);
        break;
      }
      if (p.kind !== "reply") {
        reason = "thread root is neither a patch nor a cover letter";
        break;
      }
      const up = p.parentId ? byId.get(p.parentId) : undefined;
      if (!up || seen.has(up.messageId) || up.messageId === p.messageId) {
        reason = up ? "reply loop" : "parent not in the thread";
        break;
      }
      seen.add(p.messageId);
      list.push(...replyTrailers(p));
      p = up;
    }
    if (reason) for (const w of list) unattached.push({ trailer: toCollected(w, "reply"), reason });
  }

  const patchesOfRevision = (rev: number) => patches.filter((x) => x.subjectInfo.revision === rev);

  for (const { patch, list } of toPatch) {
    const candidates = patchesOfRevision(patch.subjectInfo.revision).map(scopePatch);
    for (const w of list) {
      const c = toCollected(w, "reply");
      const text = scopeTextOf(w);
      if (text) {
        c.scope = text;
        const r = resolveScope(parseScope(text)!, candidates, opts.sections);
        c.scopeResolved = "numbers" in r && r.numbers.includes(patch.subjectInfo.counter);
      }
      add(patch.messageId, c);
    }
  }

  // 3. Cover-letter trailers: to every patch of the cover's revision, unless scoped.
  for (const cover of covers) {
    const list = coverTrailers.get(cover.messageId);
    if (!list?.length) continue;
    const members = coverMembers(cover, patches, covers, byId);
    const candidates = members.map(scopePatch);
    for (const w of list) {
      const text = scopeTextOf(w);
      let targets = members;
      let resolved = true;
      if (text) {
        const r = resolveScope(parseScope(text)!, candidates, opts.sections);
        if ("numbers" in r) targets = members.filter((m) => r.numbers.includes(m.subjectInfo.counter));
        else resolved = false;
      }
      for (const p of targets) {
        const c = toCollected(w, "cover");
        if (text) c.scope = text;
        c.scopeResolved = resolved;
        add(p.messageId, c);
      }
    }
  }

  return { byPatch, unattached };
}

/** b4: the cover's trailers go to patches 1..N of its revision (and of a partial re-roll of it).
 *  With several covers of one revision (two series in one input), a patch goes with the cover up
 *  its own parent chain. */
function coverMembers(
  cover: ThreadMessage,
  patches: ThreadMessage[],
  covers: ThreadMessage[],
  byId: Map<string, ThreadMessage>,
): ThreadMessage[] {
  const rev = cover.subjectInfo.revision;
  let same = patches.filter((p) => p.subjectInfo.revision === rev);
  const rivals = covers.filter((c) => c !== cover && c.subjectInfo.revision === rev);
  if (rivals.length) same = same.filter((p) => ancestorIds(p, byId).has(cover.messageId));
  // b4 partial_reroll: a cover-less v(N+1) whose every patch answers (up its chain) the vN message
  // with the same counter/total is vN with those patches replaced; it inherits vN's cover.
  const next = patches.filter((p) => p.subjectInfo.revision === rev + 1);
  if (next.length && !covers.some((c) => c.subjectInfo.revision === rev + 1) && next.every((p) => isRerollOf(p, byId))) {
    same = [...same, ...next];
  }
  return same;
}

function isRerollOf(p: ThreadMessage, byId: Map<string, ThreadMessage>): boolean {
  const seen = new Set<string>();
  let cur = p.parentId ? byId.get(p.parentId) : undefined;
  while (cur && !seen.has(cur.messageId)) {
    seen.add(cur.messageId);
    if (cur.subjectInfo.counter === p.subjectInfo.counter && cur.subjectInfo.total === p.subjectInfo.total) return true;
    cur = cur.parentId ? byId.get(cur.parentId) : undefined;
  }
  return false;
}

function ancestorIds(m: ThreadMessage, byId: Map<string, ThreadMessage>): Set<string> {
  const out = new Set<string>();
  let cur = m.parentId ? byId.get(m.parentId) : undefined;
  while (cur && !out.has(cur.messageId)) {
    out.add(cur.messageId);
    cur = cur.parentId ? byId.get(cur.parentId) : undefined;
  }
  return out;
}

export type AppliedState = { tree: string; commit: string | null; by: string; messageId: string };

/**
 * Applied notices per patch: a reply with "Applied to <tree>, thanks!" marks the patches its
 * "[NN/MM]" lines name (in the revision of the patch/cover it answers), or, without such lines,
 * the patch it answers (every patch when it answers the cover letter). The first notice wins.
 */
export function collectApplied(messages: readonly ThreadMessage[]): Record<string, AppliedState> {
  const byId = new Map<string, ThreadMessage>();
  for (const m of messages) if (!byId.has(m.messageId)) byId.set(m.messageId, m);
  const patches = [...byId.values()].filter((m) => m.kind === "patch");
  const out: Record<string, AppliedState> = {};
  for (const r of byId.values()) {
    if (r.kind !== "reply") continue;
    const notice = findApplied(r.body);
    if (!notice) continue;
    // The patch or cover this reply answers.
    let target: ThreadMessage | undefined = r.parentId ? byId.get(r.parentId) : undefined;
    const seen = new Set<string>();
    while (target && target.kind === "reply" && !seen.has(target.messageId)) {
      seen.add(target.messageId);
      target = target.parentId ? byId.get(target.parentId) : undefined;
    }
    const rev = target && target.kind !== "reply" ? target.subjectInfo.revision : r.subjectInfo.revision;
    const sameRev = patches.filter((p) => p.subjectInfo.revision === rev);
    const by = r.from ? (r.from.name ? `${r.from.name} <${r.from.email}>` : r.from.email) : "";
    const mark = (p: ThreadMessage, commit: string | null) => {
      if (!out[p.messageId]) out[p.messageId] = { tree: notice.tree, commit, by, messageId: r.messageId };
    };
    if (notice.patches.length) {
      for (const ap of notice.patches) {
        const p = sameRev.find((x) => x.subjectInfo.counter === ap.counter);
        if (p) mark(p, ap.commit);
      }
    } else if (target?.kind === "patch") {
      mark(target, null);
    } else if (target?.kind === "cover") {
      for (const p of sameRev) mark(p, null);
    }
  }
  return out;
}
