import { topicOf } from "./subject";
import type { Address, MessageKind, SubjectInfo } from "./types";

// Groups stored messages into series, patches and discussions. Pure: the ingester feeds
// it every stored message's header facts and writes back what it returns.
//
// Rules: the parent is In-Reply-To when that message is known, else the newest known
// Reference (patchwork and b4 both fall back this way). A patch joins the series of the
// nearest ancestor cover (or patch) of the same revision; a patch with no such ancestor
// joins an unthreaded series of the same author, revision and total posted within 20
// minutes (patchwork's SERIES_DELAY_INTERVAL), unless that series already has its number.
// Replies belong to the first patch or cover up their parent chain.

export const SERIES_DELAY_MS = 20 * 60 * 1000;

export type ThreadingInput = {
  messageId: string;
  inReplyTo: string | null;
  references: string[];
  kind: MessageKind | "unparsed";
  subject: string;
  subjectInfo: SubjectInfo;
  from: Address | null;
  date: string | null;
};

export type ThreadedMessage = {
  parentId: string | null;
  depth: number;
  seriesKey: string | null;
  /** The patch whose discussion this message belongs to (its own id for a patch). */
  patchMessageId: string | null;
};

export type SeriesGroup = {
  key: string;
  title: string;
  topic: string;
  revision: number;
  revisionInferred: boolean;
  total: number;
  coverMessageId: string | null;
  author: Address | null;
  date: string | null;
  lastActivity: string | null;
  /** Patch Message-IDs ordered by number then date. */
  patches: { messageId: string; number: number }[];
  messageCount: number;
};

export type ThreadingResult = { messages: Map<string, ThreadedMessage>; series: SeriesGroup[] };

const MAX_DEPTH = 10_000;

export function groupIntoSeries(input: ThreadingInput[]): ThreadingResult {
  const byId = new Map(input.map((m) => [m.messageId, m]));
  const parentOf = new Map<string, string | null>();
  for (const m of input) {
    let parent: string | null = null;
    if (m.inReplyTo && m.inReplyTo !== m.messageId && byId.has(m.inReplyTo)) parent = m.inReplyTo;
    else {
      for (let i = m.references.length - 1; i >= 0; i--) {
        const r = m.references[i];
        if (r !== m.messageId && byId.has(r)) {
          parent = r;
          break;
        }
      }
    }
    parentOf.set(m.messageId, parent);
  }

  // Ancestor chains, with loop protection (a self-referencing or cyclic thread stops the walk).
  const ancestors = (id: string): string[] => {
    const chain: string[] = [];
    const seen = new Set([id]);
    let cur = parentOf.get(id) ?? null;
    while (cur && !seen.has(cur) && chain.length < MAX_DEPTH) {
      chain.push(cur);
      seen.add(cur);
      cur = parentOf.get(cur) ?? null;
    }
    return chain;
  };

  const result = new Map<string, ThreadedMessage>();
  const chains = new Map<string, string[]>();
  for (const m of input) {
    const chain = ancestors(m.messageId);
    chains.set(m.messageId, chain);
    result.set(m.messageId, { parentId: parentOf.get(m.messageId) ?? null, depth: chain.length, seriesKey: null, patchMessageId: null });
  }

  const series = new Map<string, SeriesGroup>();
  const newSeries = (key: string, m: ThreadingInput, cover: boolean): SeriesGroup => {
    const g: SeriesGroup = {
      key,
      title: m.subjectInfo.title || m.subject,
      topic: topicOf(m.subjectInfo.title || m.subject),
      revision: m.subjectInfo.revision,
      revisionInferred: m.subjectInfo.revisionInferred,
      total: m.subjectInfo.total,
      coverMessageId: cover ? m.messageId : null,
      author: m.from,
      date: m.date,
      lastActivity: m.date,
      patches: [],
      messageCount: 0,
    };
    series.set(key, g);
    return g;
  };

  // Series whose head has no parent: unthreaded patches may join them by markers.
  const unthreaded: SeriesGroup[] = [];
  for (const m of input) {
    if (m.kind !== "cover") continue;
    const g = newSeries(m.messageId, m, true);
    if (!result.get(m.messageId)!.parentId) unthreaded.push(g);
  }

  // Patches in thread order, so a patch threaded under patch 1 finds patch 1's series.
  const patches = input.filter((m) => m.kind === "patch").sort((a, b) => result.get(a.messageId)!.depth - result.get(b.messageId)!.depth || cmpDate(a.date, b.date));
  for (const p of patches) {
    const info = p.subjectInfo;
    let group: SeriesGroup | null = null;
    for (const a of chains.get(p.messageId)!) {
      const am = byId.get(a)!;
      const aSeries = result.get(a)!.seriesKey ?? (am.kind === "cover" ? am.messageId : null);
      if (!aSeries) continue;
      const g = series.get(aSeries)!;
      // b4: an unversioned patch under a cover inherits the cover's revision.
      if (g.revision === info.revision || info.revisionInferred) {
        group = g;
        break;
      }
    }
    if (!group && !result.get(p.messageId)!.parentId) {
      group =
        unthreaded.find(
          (g) =>
            g.author?.email === p.from?.email &&
            g.revision === info.revision &&
            g.total === info.total &&
            withinDelay(g.date, p.date) &&
            !g.patches.some((x) => x.number === info.counter),
        ) ?? null;
    }
    if (!group) {
      group = newSeries(p.messageId, p, false);
      if (!result.get(p.messageId)!.parentId) unthreaded.push(group);
    }
    group.patches.push({ messageId: p.messageId, number: info.counter });
    if (!group.coverMessageId && info.counter === 1) {
      group.title = info.title || p.subject;
      group.topic = topicOf(group.title);
    }
    group.total = Math.max(group.total, info.total);
    const r = result.get(p.messageId)!;
    r.seriesKey = group.key;
    r.patchMessageId = p.messageId;
  }

  // Everything else: attach to the first patch or cover up the chain.
  for (const m of input) {
    const r = result.get(m.messageId)!;
    if (m.kind === "cover") r.seriesKey = m.messageId;
    if (r.seriesKey) continue;
    for (const a of chains.get(m.messageId)!) {
      const ar = result.get(a)!;
      const am = byId.get(a)!;
      if (am.kind === "patch" && ar.seriesKey) {
        r.seriesKey = ar.seriesKey;
        r.patchMessageId = a;
        break;
      }
      if (am.kind === "cover") {
        r.seriesKey = a;
        break;
      }
    }
  }

  for (const m of input) {
    const r = result.get(m.messageId)!;
    if (!r.seriesKey) continue;
    const g = series.get(r.seriesKey)!;
    g.messageCount++;
    if (m.date && (!g.lastActivity || m.date > g.lastActivity)) g.lastActivity = m.date;
  }
  for (const g of series.values()) g.patches.sort((a, b) => a.number - b.number || cmpDate(byId.get(a.messageId)!.date, byId.get(b.messageId)!.date));
  return { messages: result, series: [...series.values()] };
}

function cmpDate(a: string | null, b: string | null): number {
  return (a ?? "").localeCompare(b ?? "");
}

function withinDelay(a: string | null, b: string | null): boolean {
  if (!a || !b) return false;
  return Math.abs(Date.parse(a) - Date.parse(b)) <= SERIES_DELAY_MS;
}
