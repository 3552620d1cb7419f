import { describe, expect, it } from "vitest";
import { type ScoredRuns, scoreFusionGrid } from "./fusion-grid.js";

const judged = (...ids: string[]) => new Map(ids.map((id) => [id, 1]));

/** Runs with scores falling evenly from 1 down the list, unless given. */
function side(runs: Record<string, string[]>, scores: Record<string, number[]> = {}): ScoredRuns {
  return {
    runs: new Map(Object.entries(runs)),
    scores: new Map(
      Object.entries(runs).map(([q, ids]) => [q, scores[q] ?? ids.map((_, i) => 1 - i / ids.length)]),
    ),
  };
}

describe("scoreFusionGrid", () => {
  // q1: keyword finds the relevant document first, vector ranks it third.
  // q2: vector finds it first, keyword misses it altogether.
  const keyword = side({ q1: ["r1", "x", "y"], q2: ["x", "y", "z"] });
  const vector = side({ q1: ["x", "y", "r1"], q2: ["r2", "x", "y"] });
  const qrels = new Map([
    ["q1", judged("r1")],
    ["q2", judged("r2")],
  ]);
  const rrfOnly = { ks: [1], convexVectorWeights: [] };

  it("scores every point of the grid, best nDCG@10 first", () => {
    const grid = { ks: [1, 60], vectorWeights: [0.1, 1, 3], convexVectorWeights: [0.3, 0.7] };
    const points = scoreFusionGrid(keyword, vector, qrels, grid);
    expect(points).toHaveLength(8);
    expect(points.filter((p) => p.method === "convex")).toHaveLength(2);
    for (const [i, p] of points.entries()) {
      if (i > 0) expect(p.ndcg_at_10).toBeLessThanOrEqual(points[i - 1]?.ndcg_at_10 ?? 1);
      expect(p.recall_at_100).toBe(1); // both relevant documents are in the fused top 100
    }
  });

  it("computes the RRF ranks by hand", () => {
    // k 1, vector weight 0.1 — q1: r1 = 1/2 + 0.1/4 = 0.525, x = 1/3 + 0.1/2 = 0.383: r1 first.
    // q2: x = 1/2 + 0.1/3 = 0.533 beats r2 = 0.1/2; y = 1/3 + 0.1/4; z = 1/4; r2 = 0.05 is 4th.
    const [point] = scoreFusionGrid(keyword, vector, qrels, { ...rrfOnly, vectorWeights: [0.1] });
    const q2 = 1 / Math.log2(5);
    expect(point?.ndcg_at_10).toBeCloseTo((1 + q2) / 2, 12);
  });

  it("lets a heavier vector list lift what only it found", () => {
    const [light] = scoreFusionGrid(keyword, vector, qrels, { ...rrfOnly, vectorWeights: [0.1] });
    const [heavy] = scoreFusionGrid(keyword, vector, qrels, { ...rrfOnly, vectorWeights: [3] });
    // weight 3, q2: r2 = 3/2 first; q1: x = 1/3 + 3/2 first, r1 = 1/2 + 3/4 = 1.25 vs y = 1/4 + 3/3: r1 second.
    expect(heavy?.ndcg_at_10).toBeCloseTo((1 / Math.log2(3) + 1) / 2, 12);
    expect(heavy?.ndcg_at_10).toBeGreaterThan(light?.ndcg_at_10 ?? 1);
  });

  it("computes the convex combination from the scores by hand, where ranks alone would not tell", () => {
    // q1's vector scores: x and y nearly tie with r1 (0.90, 0.89, 0.88), so scaled: x 1, y 0.5, r1 0.
    // Keyword (1, 2/3, 1/3) scaled: r1 1, x 0.5, y 0. Vector weight 0.4: r1 0.6, x 0.3 + 0.4 = 0.7,
    // y 0.2: x first, r1 second. Vector weight 0.3: r1 0.7, x 0.35 + 0.3 = 0.65: r1 first.
    const close = side({ q1: ["x", "y", "r1"] }, { q1: [0.9, 0.89, 0.88] });
    const only = (w: number) =>
      scoreFusionGrid(side({ q1: ["r1", "x", "y"] }), close, new Map([["q1", judged("r1")]]), {
        ks: [],
        vectorWeights: [],
        convexVectorWeights: [w],
      })[0];
    expect(only(0.4)).toMatchObject({ method: "convex", vector_weight: 0.4 });
    expect(only(0.4)?.ndcg_at_10).toBeCloseTo(1 / Math.log2(3), 12);
    expect(only(0.3)?.ndcg_at_10).toBe(1);
  });
});
