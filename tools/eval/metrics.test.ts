import { describe, expect, it } from "vitest";
import { firstPerDocument, meanScores, ndcgAtK, recallAtK } from "./metrics.js";

const judged = (entries: Record<string, number>) => new Map(Object.entries(entries));

describe("ndcgAtK (trec_eval ndcg_cut: linear gain, log2(rank + 1) discount)", () => {
  it("binary relevance, hits at ranks 2 and 4", () => {
    // DCG  = 1/log2(3) + 1/log2(5) = 0.630930 + 0.430677 = 1.061606
    // IDCG = 1/log2(2) + 1/log2(3) = 1 + 0.630930        = 1.630930
    // nDCG = 1.061606 / 1.630930 = 0.650921
    expect(ndcgAtK(["x", "a", "y", "b"], judged({ a: 1, b: 1 }), 10)).toBeCloseTo(0.650921, 6);
  });

  it("graded relevance counts the grade itself, and a judged 0 is no gain", () => {
    // ranked b(1), c(0), a(2): DCG = 1/log2(2) + 0/log2(3) + 2/log2(4) = 1 + 0 + 1 = 2
    // ideal a(2), b(1):       IDCG = 2/log2(2) + 1/log2(3) = 2 + 0.630930 = 2.630930
    // nDCG = 2 / 2.630930 = 0.760188
    expect(ndcgAtK(["b", "c", "a"], judged({ a: 2, b: 1, c: 0 }), 10)).toBeCloseTo(0.760188, 6);
  });

  it("cuts the ranking at k", () => {
    // k = 1: only "x", not relevant: 0. k = 2: (1/log2(3)) / (1/log2(2)) = 0.630930
    expect(ndcgAtK(["x", "a"], judged({ a: 1 }), 1)).toBe(0);
    expect(ndcgAtK(["x", "a"], judged({ a: 1 }), 2)).toBeCloseTo(0.63093, 5);
  });

  it("cuts the ideal ranking at k too", () => {
    // 3 relevant, k = 2, top two relevant: DCG = IDCG = 1 + 1/log2(3), so 1 (not 1.63/2.13)
    expect(ndcgAtK(["a", "b", "x"], judged({ a: 1, b: 1, c: 1 }), 2)).toBe(1);
  });

  it("is 0 without relevant judgements or without results", () => {
    expect(ndcgAtK(["a"], judged({ a: 0 }), 10)).toBe(0);
    expect(ndcgAtK([], judged({ a: 1 }), 10)).toBe(0);
  });
});

describe("recallAtK", () => {
  it("counts relevant documents in the top k over all relevant ones", () => {
    // relevant: a, b (c is judged 0). top 2 = c, a: 1 of 2 = 0.5; top 1 = c: 0
    const j = judged({ a: 1, b: 1, c: 0 });
    expect(recallAtK(["c", "a", "x"], j, 2)).toBe(0.5);
    expect(recallAtK(["c", "a", "x"], j, 1)).toBe(0);
    expect(recallAtK(["b", "a"], j, 100)).toBe(1);
  });
});

describe("meanScores", () => {
  it("averages per query over judged queries; a judged query without a run scores 0", () => {
    // q1 perfect (1, 1); q2 judged, no run (0, 0); q3 has only a 0 judgement: not counted.
    // mean nDCG = (1 + 0) / 2 = 0.5, mean recall = (1 + 0) / 2 = 0.5, over 2 queries
    const qrels = new Map([
      ["q1", judged({ a: 1 })],
      ["q2", judged({ b: 1 })],
      ["q3", judged({ c: 0 })],
    ]);
    const runs = new Map([
      ["q1", ["a"]],
      ["q3", ["c"]],
    ]);
    expect(meanScores(runs, qrels)).toEqual({ ndcg: 0.5, recall: 0.5, queries: 2 });
  });

  it("uses the given cut-offs", () => {
    // relevant at rank 3: nDCG@2 = 0 and Recall@2 = 0; nDCG@3 = 1/log2(4) = 0.5, Recall@3 = 1
    const qrels = new Map([["q", judged({ a: 1 })]]);
    const runs = new Map([["q", ["x", "y", "a"]]]);
    expect(meanScores(runs, qrels, { ndcgK: 2, recallK: 2 })).toEqual({ ndcg: 0, recall: 0, queries: 1 });
    expect(meanScores(runs, qrels, { ndcgK: 3, recallK: 3 })).toEqual({ ndcg: 0.5, recall: 1, queries: 1 });
  });
});

describe("firstPerDocument", () => {
  it("keeps each document at its best (first) rank, with that hit's score", () => {
    const hits = [
      { id: "a", score: 9 },
      { id: "b", score: 7 },
      { id: "a", score: 5 },
      { id: "c", score: 4 },
      { id: "b", score: 1 },
    ];
    expect(firstPerDocument(hits)).toEqual({ ids: ["a", "b", "c"], scores: [9, 7, 4] });
  });
});
