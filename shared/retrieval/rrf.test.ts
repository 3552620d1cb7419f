import { describe, expect, it } from "vitest";
import { reciprocalRankFusion } from "./rrf.js";

const id = (x: string) => x;

describe("reciprocalRankFusion", () => {
  it("computes 1/(k+rank) sums by hand", () => {
    const fused = reciprocalRankFusion(
      [
        ["a", "b", "c"],
        ["b", "d"],
      ],
      id,
      60,
    );
    const score = Object.fromEntries(fused.map((f) => [f.item, f.score]));
    expect(score.b).toBeCloseTo(1 / 62 + 1 / 61, 12);
    expect(score.a).toBeCloseTo(1 / 61, 12);
    expect(score.d).toBeCloseTo(1 / 62, 12);
    expect(score.c).toBeCloseTo(1 / 63, 12);
    expect(fused.map((f) => f.item)).toEqual(["b", "a", "d", "c"]);
  });

  it("rewards agreement: an item second in both lists beats one first in only one", () => {
    const fused = reciprocalRankFusion(
      [
        ["x", "both"],
        ["y", "both"],
      ],
      id,
    );
    expect(fused[0]?.item).toBe("both");
  });

  it("weights each list's contributions", () => {
    // k = 10, weights 1 and 0.1: a = 1/11 + 0.1/12 = 0.090909 + 0.008333 = 0.099242;
    // b = 1/12 = 0.083333; c = 0.1/11 = 0.009091. Unweighted, c (0.090909) would beat b.
    const fused = reciprocalRankFusion(
      [
        ["a", "b"],
        ["c", "a"],
      ],
      id,
      10,
      [1, 0.1],
    );
    expect(fused.map((f) => [f.item, Number(f.score.toFixed(6))])).toEqual([
      ["a", 0.099242],
      ["b", 0.083333],
      ["c", 0.009091],
    ]);
  });

  it("handles empty lists and a single list (order kept)", () => {
    expect(reciprocalRankFusion([], id)).toEqual([]);
    expect(reciprocalRankFusion([["p", "q"], []], id).map((f) => f.item)).toEqual(["p", "q"]);
  });
});
