import { sumContributions } from "./sum-contributions.js";

/**
 * Convex combination of min-max normalised scores (Bruch, Gai & Ingber, "An Analysis of Fusion
 * Functions for Hybrid Retrieval", ACM TOIS 2023): each list's scores are scaled over that list
 * (its best 1, its last 0), an item a list lacks counts 0 there, and the fused score is the
 * weighted sum. Unlike RRF it keeps how far apart a list's scores are, not only their order;
 * weights summing to 1 keep the fused score in [0, 1], 1 meaning first in every list. A list
 * whose scores are all equal gives each of its items 1. Equal fused scores are ordered as RRF
 * orders them (sum-contributions.ts).
 */
export function convexScoreFusion<T>(
  lists: readonly (readonly T[])[],
  keyOf: (item: T) => string,
  scoreOf: (item: T) => number,
  weights: readonly number[],
): { item: T; score: number }[] {
  const scaled = lists.map((list) => {
    const scores = list.map(scoreOf);
    const hi = Math.max(...scores);
    const lo = Math.min(...scores);
    return scores.map((score) => (hi > lo ? (score - lo) / (hi - lo) : 1));
  });
  return sumContributions(
    lists,
    keyOf,
    (list, position) => (weights[list] ?? 1) * (scaled[list]?.[position] ?? 0),
  );
}
