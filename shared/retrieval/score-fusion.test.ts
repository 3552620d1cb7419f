import { describe, expect, it } from "vitest";
import { convexScoreFusion } from "./score-fusion.js";

type Hit = { id: string; score: number };
const fuse = (lists: Hit[][], weights: number[]) =>
  convexScoreFusion(
    lists,
    (h) => h.id,
    (h) => h.score,
    weights,
  ).map(({ item, score }) => [item.id, Math.round(score * 1e9) / 1e9]);

describe("convexScoreFusion", () => {
  // BM25 scores and cosines on their own scales: only their spread within each list counts.
  const keyword = [
    { id: "a", score: 12 },
    { id: "b", score: 9 },
    { id: "c", score: 2 },
  ];
  const vector = [
    { id: "b", score: 0.9 },
    { id: "d", score: 0.85 },
    { id: "a", score: 0.7 },
  ];

  it("scales each list to [0, 1] and sums the weighted parts; a missing item counts 0", () => {
    // keyword: a 1, b 0.7, c 0; vector: b 1, d 0.75, a 0.
    expect(fuse([keyword, vector], [0.4, 0.6])).toEqual([
      ["b", 0.88],
      ["d", 0.45],
      ["a", 0.4],
      ["c", 0],
    ]);
  });

  it("keeps what RRF loses: a close second stays close", () => {
    // By rank alone (RRF) b and d would be as far apart as any first and second.
    const [, d] = fuse([[], vector], [0.4, 0.6]);
    expect(d).toEqual(["d", 0.45]);
  });

  it("gives every item of a list with one score its full weight, and orders ties by best rank", () => {
    const flat = [
      { id: "x", score: 3 },
      { id: "y", score: 3 },
    ];
    expect(fuse([flat], [0.4])).toEqual([
      ["x", 0.4],
      ["y", 0.4],
    ]);
  });

  it("reaches 1 only for the first of every list when the weights sum to 1", () => {
    const [top] = fuse([keyword, [{ id: "a", score: 0.99 }, ...vector]], [0.4, 0.6]);
    expect(top).toEqual(["a", 1]);
  });
});
