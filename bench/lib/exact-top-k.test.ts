import { describe, expect, it } from "vitest";
import { exactTopK, recallOf } from "./exact-top-k.js";

const set = (rows: number[][]) => ({
  dimension: rows[0]?.length ?? 0,
  count: rows.length,
  data: Float32Array.from(rows.flat()),
});

describe("exactTopK", () => {
  const corpus = set([
    [1, 0],
    [0, 1],
    [Math.SQRT1_2, Math.SQRT1_2],
    [-1, 0],
    [0.8, 0.6],
  ]);

  it("ranks rows by dot product, best first", () => {
    const [top] = exactTopK(corpus, set([[1, 0]]), 3);
    expect(Array.from(top ?? [])).toEqual([0, 4, 2]);
  });

  it("gives every row when k exceeds the corpus, the opposite one last", () => {
    const [top] = exactTopK(corpus, set([[1, 0]]), 10);
    expect(Array.from(top ?? [])).toEqual([0, 4, 2, 1, 3]);
  });

  it("answers each query on its own", () => {
    const tops = exactTopK(
      corpus,
      set([
        [1, 0],
        [0, 1],
      ]),
      1,
    );
    expect(tops.map((t) => Array.from(t))).toEqual([[0], [1]]);
  });
});

describe("recallOf", () => {
  it("is the share of exact neighbours found, averaged over queries, with its standard error", () => {
    const exact = [Int32Array.from([1, 2, 3, 4]), Int32Array.from([5, 6])];
    const r = recallOf(
      [
        [4, 3, 2, 1],
        [5, 9],
      ],
      exact,
    );
    expect(r.mean).toBeCloseTo(0.75);
    // Per-query recalls 1 and 0.5: sample deviation √0.125, over √2 queries.
    expect(r.standardError).toBeCloseTo(0.25);
  });

  it("refuses answers that do not match the queries", () => {
    expect(() => recallOf([[1]], [])).toThrow(/1 answers for 0 queries/);
  });
});
