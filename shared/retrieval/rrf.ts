import { sumContributions } from "./sum-contributions.js";

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
  return sumContributions(lists, keyOf, (list, position) => (weights[list] ?? 1) / (k + position + 1));
}
