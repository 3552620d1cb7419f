/**
 * Reciprocal rank fusion (Cormack, Clarke & Büttcher, SIGIR 2009): each list contributes
 * weight / (k + rank) for every item it ranks (rank from 1; weight 1 unless given). It needs no
 * score calibration between lists, which is why it suits fusing BM25 scores with cosine
 * similarities; the weights let a weaker list count for less.
 */
export function reciprocalRankFusion<T>(
  lists: readonly (readonly T[])[],
  keyOf: (item: T) => string,
  k = 60,
  weights: readonly number[] = [],
): { item: T; score: number }[] {
  const fused = new Map<string, { item: T; score: number; best: number }>();
  for (const [l, list] of lists.entries()) {
    const weight = weights[l] ?? 1;
    list.forEach((item, i) => {
      const key = keyOf(item);
      const contribution = weight / (k + i + 1);
      const entry = fused.get(key);
      if (entry === undefined) fused.set(key, { item, score: contribution, best: i });
      else {
        entry.score += contribution;
        entry.best = Math.min(entry.best, i);
      }
    });
  }
  // Ties (equal fused score) go to the item ranked higher in any list, then by key, so the order is stable.
  return [...fused.entries()]
    .sort(([ka, a], [kb, b]) => b.score - a.score || a.best - b.best || ka.localeCompare(kb))
    .map(([, { item, score }]) => ({ item, score }));
}
