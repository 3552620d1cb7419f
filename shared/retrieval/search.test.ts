import { describe, expect, it } from "vitest";
import { reciprocalRankFusion } from "./rrf.js";
import { usefulCandidates } from "./search.js";

const lexical = { k: 10, weights: [1, 0.1] as [number, number] };
const semantic = { k: 10, weights: [1, 0.7] as [number, number] };

/** A small deterministic generator (mulberry32), so a failing case can be replayed. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Two ranked lists of n ids drawn from a pool, so that they overlap by chance. */
function lists(next: () => number, n: number, pool: number): [string[], string[]] {
  const draw = () => {
    const ids = new Set<string>();
    while (ids.size < Math.min(n, pool)) ids.add(`d${Math.floor(next() * pool)}`);
    return [...ids];
  };
  return [draw(), draw()];
}

const fused = (l: readonly (readonly string[])[], fusion: typeof lexical, topK: number) =>
  reciprocalRankFusion(l, (x) => x, fusion.k, fusion.weights)
    .slice(0, topK)
    .map(({ item, score }) => [item, score]);

describe("usefulCandidates", () => {
  it("asks the built-in embedder's keyword side for 15 of 40 at top_k 10, the vector side for all", () => {
    expect(usefulCandidates(lexical, 0, 10, 40)).toBe(15);
    expect(usefulCandidates(lexical, 1, 10, 40)).toBe(40);
  });

  it("cuts nothing where a list's weak items can still win: a semantic fusion, or a large top_k", () => {
    expect(usefulCandidates(semantic, 0, 10, 40)).toBe(40);
    expect(usefulCandidates(semantic, 1, 10, 40)).toBe(40);
    expect(usefulCandidates(lexical, 0, 100, 200)).toBe(200);
  });

  it("asks for top_k and one more when the other list counts for nothing", () => {
    expect(usefulCandidates({ k: 60, weights: [1, 0] }, 0, 5, 20)).toBe(6);
  });

  describe.each([
    ["built-in", lexical],
    ["semantic", semantic],
    ["equal RRF", { k: 60, weights: [1, 1] as [number, number] }],
    ["keyword-heavy", { k: 1, weights: [1, 0.05] as [number, number] }],
  ])("with the %s fusion", (_name, fusion) => {
    it.each([
      1, 5, 10, 25,
    ])("keeps the fused top %i, scores and order, over 2,000 random list pairs", (topK) => {
      const next = random(topK * 7919 + fusion.k);
      const n = Math.min(200, Math.max(20, topK * 4));
      for (let i = 0; i < 2000; i++) {
        const [keyword, vector] = lists(next, n, Math.ceil(n * (1 + next() * 3)));
        const cut: [string[], string[]] = [
          keyword.slice(0, usefulCandidates(fusion, 0, topK, n)),
          vector.slice(0, usefulCandidates(fusion, 1, topK, n)),
        ];
        expect(fused(cut, fusion, topK)).toEqual(fused([keyword, vector], fusion, topK));
      }
    });
  });
});
