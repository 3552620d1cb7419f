import { describe, expect, it } from "vitest";
import { laplace, noisyCount } from "./laplace-noise.js";

describe("laplace", () => {
  it("draws with mean 0 and the variance of Laplace(b), 2b²", () => {
    const b = 3;
    const n = 200_000;
    let sum = 0;
    let squares = 0;
    for (let i = 0; i < n; i++) {
      const x = laplace(b);
      sum += x;
      squares += x * x;
    }
    const mean = sum / n;
    const variance = squares / n - mean * mean;
    // Standard error of the mean: sqrt(2b²/n) ≈ 0.0095; of the variance about 0.06·2b².
    expect(Math.abs(mean)).toBeLessThan(0.06);
    expect(variance / (2 * b * b)).toBeGreaterThan(0.9);
    expect(variance / (2 * b * b)).toBeLessThan(1.1);
  });
});

describe("noisyCount", () => {
  it("is the count itself without ε, and a non-negative integer near it with one", () => {
    expect(noisyCount(17, undefined)).toBe(17);
    const draws = Array.from({ length: 2000 }, () => noisyCount(50, 0.5));
    expect(draws.every((d) => Number.isInteger(d) && d >= 0)).toBe(true);
    expect(new Set(draws).size).toBeGreaterThan(5);
    const mean = draws.reduce((a, b) => a + b, 0) / draws.length;
    expect(Math.abs(mean - 50)).toBeLessThan(0.5);
  });
});
