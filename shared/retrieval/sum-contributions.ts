/**
 * The common step of rank and score fusion: each list gives each of its items a contribution
 * (by the list's index and the item's position in it), and an item's fused score is the sum over
 * the lists that hold it. Equal sums go to the item ranked higher in any list, then by key, so
 * the order is stable.
 */
export function sumContributions<T>(
  lists: readonly (readonly T[])[],
  keyOf: (item: T) => string,
  contributionOf: (list: number, position: number) => number,
): { item: T; score: number }[] {
  const fused = new Map<string, { item: T; score: number; best: number }>();
  for (const [l, list] of lists.entries()) {
    list.forEach((item, i) => {
      const key = keyOf(item);
      const contribution = contributionOf(l, i);
      const entry = fused.get(key);
      if (entry === undefined) fused.set(key, { item, score: contribution, best: i });
      else {
        entry.score += contribution;
        entry.best = Math.min(entry.best, i);
      }
    });
  }
  return [...fused.entries()]
    .sort(([ka, a], [kb, b]) => b.score - a.score || a.best - b.best || ka.localeCompare(kb))
    .map(([, { item, score }]) => ({ item, score }));
}
