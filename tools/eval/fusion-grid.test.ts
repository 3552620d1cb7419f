import { describe, expect, it } from "vitest";
import { scoreFusionGrid } from "./fusion-grid.js";

const judged = (...ids: string[]) => new Map(ids.map((id) => [id, 1]));

describe("scoreFusionGrid", () => {
  // q1: keyword finds the relevant document first, vector ranks it third.
  // q2: vector finds it first, keyword misses it altogether.
  const keyword = new Map([
    ["q1", ["r1", "x", "y"]],
    ["q2", ["x", "y", "z"]],
  ]);
  const vector = new Map([
    ["q1", ["x", "y", "r1"]],
    ["q2", ["r2", "x", "y"]],
  ]);
  const qrels = new Map([
    ["q1", judged("r1")],
    ["q2", judged("r2")],
  ]);

  it("scores every point of the grid, best nDCG@10 first", () => {
    const points = scoreFusionGrid(keyword, vector, qrels, { ks: [1, 60], vectorWeights: [0.1, 1, 3] });
    expect(points).toHaveLength(6);
    for (const [i, p] of points.entries()) {
      if (i > 0) expect(p.ndcg_at_10).toBeLessThanOrEqual(points[i - 1]?.ndcg_at_10 ?? 1);
      expect(p.recall_at_100).toBe(1); // both relevant documents are in the fused top 100
    }
  });

  it("computes the fused ranks by hand", () => {
    // k 1, vector weight 0.1 — q1: r1 = 1/2 + 0.1/4 = 0.525, x = 1/3 + 0.1/2 = 0.383: r1 first.
    // q2: x = 1/2 + 0.1/3 = 0.533 beats r2 = 0.1/2; y = 1/3 + 0.1/4; z = 1/4; r2 = 0.05 is 4th.
    const [point] = scoreFusionGrid(keyword, vector, qrels, { ks: [1], vectorWeights: [0.1] });
    const q2 = 1 / Math.log2(5);
    expect(point?.ndcg_at_10).toBeCloseTo((1 + q2) / 2, 12);
  });

  it("lets a heavier vector list lift what only it found", () => {
    const [light] = scoreFusionGrid(keyword, vector, qrels, { ks: [1], vectorWeights: [0.1] });
    const [heavy] = scoreFusionGrid(keyword, vector, qrels, { ks: [1], vectorWeights: [3] });
    // weight 3, q2: r2 = 3/2 first; q1: x = 1/3 + 3/2 first, r1 = 1/2 + 3/4 = 1.25 vs y = 1/4 + 3/3: r1 second.
    expect(heavy?.ndcg_at_10).toBeCloseTo((1 / Math.log2(3) + 1) / 2, 12);
    expect(heavy?.ndcg_at_10).toBeGreaterThan(light?.ndcg_at_10 ?? 1);
  });
});
