import { reciprocalRankFusion } from "../../shared/retrieval/rrf.js";
import { convexScoreFusion } from "../../shared/retrieval/score-fusion.js";
import type { Fusion } from "../../shared/retrieval/search.js";
import { type Judgements, meanScores } from "./metrics.js";

export interface FusionPoint {
  /** rrf: weighted reciprocal rank fusion; convex: min-max scaled scores, weighted. */
  method: "rrf" | "convex";
  /** RRF's k; absent for convex. */
  k?: number;
  /** Weight of the vector list: the keyword list weighs 1 under RRF, 1 - this under convex. */
  vector_weight: number;
  ndcg_at_10: number;
  recall_at_100: number;
}

/** One mode's answers: query id -> corpus ids, best first, and their scores in the same order. */
export interface ScoredRuns {
  runs: ReadonlyMap<string, readonly string[]>;
  scores: ReadonlyMap<string, readonly number[]>;
}

/** The grid `npm run eval -- --fusion-grid` scores. */
export const defaultFusionGrid = {
  ks: [1, 5, 10, 20, 30, 60, 100],
  vectorWeights: [0.1, 0.2, 0.3, 0.5, 0.7, 1, 1.5, 2, 3],
  convexVectorWeights: [0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9],
};

/** A fusion in a report's words: "RRF k 10, weights 1 / 2", "convex 0.4 / 0.6" (keyword / vector). */
export function describeFusion(fusion: Fusion): string {
  const [keyword, vector] = fusion.weights;
  return fusion.method === "rrf"
    ? `RRF k ${fusion.k}, weights ${keyword} / ${vector}`
    : `convex ${keyword} / ${vector}`;
}

type Scored = { id: string; score: number };

function scored(side: ScoredRuns, queryId: string): Scored[] {
  const scores = side.scores.get(queryId) ?? [];
  return (side.runs.get(queryId) ?? []).map((id, i) => ({ id, score: scores[i] ?? 0 }));
}

/**
 * Scores both fusions offline, over the keyword and vector runs the evaluation already asked
 * the query route for, so tuning costs no further query: weighted RRF over k × vector weight,
 * and convex combinations of min-max scaled scores over the vector weight. It is an estimate of
 * the hybrid route, which fuses deeper candidate lists (4 × top_k, at most 200, where the runs
 * hold top_k): under RRF ranks past top_k add at most weight/(k + top_k + 1) each, so they
 * reorder the tail, rarely the top 10; under min-max scaling a deeper list lowers each list's
 * floor. The chosen point is then measured through the route itself.
 */
export function scoreFusionGrid(
  keyword: ScoredRuns,
  vector: ScoredRuns,
  qrels: ReadonlyMap<string, Judgements>,
  grid: {
    ks: readonly number[];
    vectorWeights: readonly number[];
    convexVectorWeights: readonly number[];
  } = defaultFusionGrid,
): FusionPoint[] {
  const queryIds = [...new Set([...keyword.runs.keys(), ...vector.runs.keys()])];
  const pointFor = (fuse: (lists: Scored[][]) => { item: Scored }[]) => {
    const fused = new Map(
      queryIds.map((q) => [q, fuse([scored(keyword, q), scored(vector, q)]).map((f) => f.item.id)]),
    );
    const mean = meanScores(fused, qrels, { ndcgK: 10, recallK: 100 });
    return { ndcg_at_10: mean.ndcg, recall_at_100: mean.recall };
  };
  const points: FusionPoint[] = [];
  for (const k of grid.ks)
    for (const vector_weight of grid.vectorWeights)
      points.push({
        method: "rrf",
        k,
        vector_weight,
        ...pointFor((lists) => reciprocalRankFusion(lists, (h) => h.id, k, [1, vector_weight])),
      });
  for (const vector_weight of grid.convexVectorWeights)
    points.push({
      method: "convex",
      vector_weight,
      ...pointFor((lists) =>
        convexScoreFusion(
          lists,
          (h) => h.id,
          (h) => h.score,
          [1 - vector_weight, vector_weight],
        ),
      ),
    });
  return points.sort((a, b) => b.ndcg_at_10 - a.ndcg_at_10 || b.recall_at_100 - a.recall_at_100);
}
