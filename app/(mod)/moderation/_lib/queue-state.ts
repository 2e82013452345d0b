// The queue list's optimistic bookkeeping: take handled items out at once, put them back where they were
// if the server refuses. Pure, so the rules are unit tested.

export type Removed<T> = { item: T; index: number }[];

/** Takes the items with these ids out of the list, remembering where each one stood. */
export function takeOut<T extends { insightId: string }>(
  items: T[],
  ids: readonly string[],
): { items: T[]; removed: Removed<T> } {
  const wanted = new Set(ids);
  const removed: Removed<T> = [];
  const kept: T[] = [];
  items.forEach((item, index) => {
    if (wanted.has(item.insightId)) removed.push({ item, index });
    else kept.push(item);
  });
  return { items: kept, removed };
}

/** Puts taken-out items back at their old places (items loaded or removed meanwhile are respected). */
export function putBack<T extends { insightId: string }>(items: T[], removed: Removed<T>): T[] {
  const present = new Set(items.map((item) => item.insightId));
  const next = [...items];
  for (const { item, index } of [...removed].sort((a, b) => a.index - b.index)) {
    if (present.has(item.insightId)) continue;
    next.splice(Math.min(index, next.length), 0, item);
    present.add(item.insightId);
  }
  return next;
}

/** Appends a further page, skipping items already shown (the queue moves while a moderator reads it). */
export function appendPage<T extends { insightId: string }>(items: T[], page: T[]): T[] {
  const present = new Set(items.map((item) => item.insightId));
  return [...items, ...page.filter((item) => !present.has(item.insightId))];
}

/** Keeps the current position valid after the list changed: same place, or the last item. */
export function clampIndex(index: number, length: number): number {
  if (length === 0) return 0;
  return Math.min(Math.max(0, index), length - 1);
}
