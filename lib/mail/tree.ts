// Orders a flat list of thread messages as a nested tree (depth-first, oldest first),
// the way lore's /T/ view reads. Pure.

export type TreeItem<T> = { item: T; level: number };

export function nestThread<T extends { messageId: string; parentId: string | null; date: string | null }>(rootId: string, items: T[]): TreeItem<T>[] {
  const ids = new Set(items.map((i) => i.messageId));
  const children = new Map<string, T[]>();
  for (const it of items) {
    // A parent we do not hold (or the patch itself) makes the message a top-level reply.
    const parent = it.parentId && ids.has(it.parentId) ? it.parentId : rootId;
    (children.get(parent) ?? children.set(parent, []).get(parent)!).push(it);
  }
  for (const list of children.values()) list.sort((a, b) => (a.date ?? "").localeCompare(b.date ?? ""));
  const out: TreeItem<T>[] = [];
  const seen = new Set<string>();
  const walk = (id: string, level: number) => {
    for (const c of children.get(id) ?? []) {
      if (seen.has(c.messageId)) continue;
      seen.add(c.messageId);
      out.push({ item: c, level });
      walk(c.messageId, level + 1);
    }
  };
  walk(rootId, 0);
  // Anything left (a cycle) still shows, at the top level.
  for (const it of items) if (!seen.has(it.messageId)) out.push({ item: it, level: 0 });
  return out;
}
