/**
 * Convex combination of min-max normalised scores (Bruch, Gai & Ingber, "An Analysis of Fusion
 * Functions for Hybrid Retrieval", ACM TOIS 2023): each list's scores are scaled over that list
 * (its best 1, its last 0), an item a list lacks counts 0 there, and the fused score is the
 * weighted sum. Unlike RRF it keeps how far apart a list's scores are, not only their order;
 * weights summing to 1 keep the fused score in [0, 1], 1 meaning first in every list. A list
 * whose scores are all equal gives each of its items 1.
 */
export function convexScoreFusion<T>(
  lists: readonly (readonly T[])[],
  keyOf: (item: T) => string,
  scoreOf: (item: T) => number,
  weights: readonly number[],
): { item: T; score: number }[] {
  const fused = new Map<string, { item: T; score: number; best: number }>();
  for (const [l, list] of lists.entries()) {
    const weight = weights[l] ?? 1;
    const scores = list.map(scoreOf);
    const hi = Math.max(...scores);
    const lo = Math.min(...scores);
    list.forEach((item, i) => {
      const key = keyOf(item);
      const normalised = hi > lo ? ((scores[i] ?? lo) - lo) / (hi - lo) : 1;
      const contribution = weight * normalised;
      const entry = fused.get(key);
      if (entry === undefined) fused.set(key, { item, score: contribution, best: i });
      else {
        entry.score += contribution;
        entry.best = Math.min(entry.best, i);
      }
    });
  }
  // As RRF: equal fused scores go to the item ranked higher in any list, then by key.
  return [...fused.entries()]
    .sort(([ka, a], [kb, b]) => b.score - a.score || a.best - b.best || ka.localeCompare(kb))
    .map(([, { item, score }]) => ({ item, score }));
}
