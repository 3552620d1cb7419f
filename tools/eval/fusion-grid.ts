import { reciprocalRankFusion } from "../../shared/retrieval/rrf.js";
import { type Judgements, meanScores } from "./metrics.js";

export interface FusionPoint {
  k: number;
  /** Weight of the vector list; the keyword list weighs 1. */
  vector_weight: number;
  ndcg_at_10: number;
  recall_at_100: number;
}

/** The grid `npm run eval -- --fusion-grid` scores: RRF's k and the vector list's weight. */
export const defaultFusionGrid = {
  ks: [1, 5, 10, 20, 30, 60, 100],
  vectorWeights: [0.1, 0.2, 0.3, 0.5, 0.7, 1, 1.5, 2, 3],
};

/**
 * Scores weighted RRF offline, over the keyword and vector runs the evaluation already asked
 * the query route for, so tuning the fusion costs no further query. It is an estimate of the
 * hybrid route, which fuses deeper candidate lists (4 × top_k, at most 200, where the runs hold
 * top_k): ranks past top_k add at most weight/(k + top_k + 1) each, so they reorder the tail,
 * rarely the top 10. The chosen point is then measured through the route itself.
 */
export function scoreFusionGrid(
  keyword: ReadonlyMap<string, readonly string[]>,
  vector: ReadonlyMap<string, readonly string[]>,
  qrels: ReadonlyMap<string, Judgements>,
  grid: { ks: readonly number[]; vectorWeights: readonly number[] } = defaultFusionGrid,
): FusionPoint[] {
  const points: FusionPoint[] = [];
  for (const k of grid.ks) {
    for (const vector_weight of grid.vectorWeights) {
      const fused = new Map<string, string[]>();
      for (const queryId of new Set([...keyword.keys(), ...vector.keys()])) {
        const lists = [keyword.get(queryId) ?? [], vector.get(queryId) ?? []];
        fused.set(
          queryId,
          reciprocalRankFusion(lists, (id) => id, k, [1, vector_weight]).map((f) => f.item),
        );
      }
      const mean = meanScores(fused, qrels, { ndcgK: 10, recallK: 100 });
      points.push({ k, vector_weight, ndcg_at_10: mean.ndcg, recall_at_100: mean.recall });
    }
  }
  return points.sort((a, b) => b.ndcg_at_10 - a.ndcg_at_10 || b.recall_at_100 - a.recall_at_100);
}
