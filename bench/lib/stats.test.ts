import { describe, expect, it } from "vitest";
import { latencySummary, median, percentile, ratios, spread } from "./stats.js";

describe("percentile (nearest rank)", () => {
  const hundred = Array.from({ length: 100 }, (_, i) => i + 1);
  it.each([
    [0.5, 50],
    [0.95, 95],
    [0.99, 99],
    [1, 100],
    [0, 1],
    [0.001, 1],
  ])("p%s of 1..100 is %s", (p, want) => {
    expect(percentile(hundred, p)).toBe(want);
  });
  it("is NaN without samples and the sample itself for one", () => {
    expect(percentile([], 0.5)).toBeNaN();
    expect(percentile([7], 0.99)).toBe(7);
  });
  it("p99 of 10 samples is the largest (a rank cannot round down past the tail)", () => {
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.99)).toBe(10);
  });
});

describe("median and spread", () => {
  it("averages the middle two of an even count and ignores order", () => {
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([3, 1, 2])).toBe(2);
    expect(median([])).toBeNaN();
  });
  it("gives min, median, max and the count", () => {
    expect(spread([5, 1, 3])).toEqual({ min: 1, median: 3, max: 5, n: 3 });
  });
});

describe("latencySummary", () => {
  it("summarises unsorted samples", () => {
    const s = latencySummary([3, 1, 2, 4]);
    expect(s).toMatchObject({ count: 4, p50: 2, p95: 4, p99: 4, max: 4, mean: 2.5 });
  });
});

describe("ratios", () => {
  it("pairs run by run, or with a single baseline for every run", () => {
    expect(ratios([2, 6], [1, 3])).toEqual([2, 2]);
    expect(ratios([2, 6], [2])).toEqual([1, 3]);
  });
  it("is NaN where the baseline is missing or zero", () => {
    expect(ratios([1, 1], [0, undefined as unknown as number]).every(Number.isNaN)).toBe(true);
  });
});
