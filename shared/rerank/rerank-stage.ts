import { cutPassage } from "./passage-cut.js";
import type { Reranker } from "./reranker.js";

export interface RerankOptions {
  topK: number;
  /** Each passage is cut to this many characters before it is sent. */
  maxChars: number;
}

/**
 * The candidates (best fused first) reordered by the reranker's score of each against the
 * query, best first, cut to topK; each carries its `rerank_score`. Equal scores keep their fused
 * order. Throws what the reranker throws: the caller decides what a failure means.
 */
export async function rerankCandidates<T extends { text: string }>(
  reranker: Reranker,
  query: string,
  candidates: readonly T[],
  options: RerankOptions,
): Promise<(T & { rerank_score: number })[]> {
  if (candidates.length === 0) return [];
  const scores = await reranker.score(
    query,
    candidates.map((c) => cutPassage(c.text, options.maxChars)),
  );
  return candidates
    .map((c, i) => ({ c, i, score: scores[i] ?? Number.NEGATIVE_INFINITY }))
    .sort((a, b) => b.score - a.score || a.i - b.i)
    .slice(0, options.topK)
    .map(({ c, score }) => ({ ...c, rerank_score: score }));
}
