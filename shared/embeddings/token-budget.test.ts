import { describe, expect, it } from "vitest";
import { TokenBudget } from "./token-budget.js";

function clocked(perWindow: number, windowMs: number) {
  let now = 0;
  return {
    budget: new TokenBudget(perWindow, windowMs, () => now),
    at: (ms: number) => {
      now = ms;
    },
  };
}

describe("TokenBudget", () => {
  it("lets tokens through until the window is full, then waits for the oldest to leave it", () => {
    const { budget, at } = clocked(100, 60_000);
    budget.record(60);
    at(10_000);
    expect(budget.waitMs(40)).toBe(0);
    budget.record(40);
    at(20_000);
    // 60 leave at 60 s; 40 more must wait for them, 41 too, 101 for everything.
    expect(budget.waitMs(40)).toBe(40_000);
    expect(budget.waitMs(61)).toBe(50_000);
    at(60_000);
    expect(budget.waitMs(60)).toBe(0);
  });

  it("sends a request larger than the budget alone, in an empty window", () => {
    const { budget, at } = clocked(100, 1000);
    expect(budget.waitMs(500)).toBe(0);
    budget.record(500);
    at(200);
    expect(budget.waitMs(1)).toBe(800);
    expect(budget.waitMs(500)).toBe(800);
  });

  it("counts what the server reports in place of the estimate", () => {
    const { budget } = clocked(100, 1000);
    const entry = budget.record(90);
    entry.tokens = 10;
    expect(budget.waitMs(90)).toBe(0);
  });
});
