import { describe, expect, it } from "vitest";
import { MemoryRateLimiter } from "./memory-rate-limiter.js";

describe("MemoryRateLimiter", () => {
  it("allows exactly the limit per window, per key, then resets", async () => {
    let now = 1_000_000;
    const limiter = new MemoryRateLimiter(() => now);
    const rule = { limit: 3, windowS: 10 };
    const results = [];
    for (let i = 0; i < 5; i++) results.push((await limiter.check("a", rule)).allowed);
    expect(results).toEqual([true, true, true, false, false]);
    expect((await limiter.check("b", rule)).allowed).toBe(true);
    now += 10_000;
    const next = await limiter.check("a", rule);
    expect(next).toMatchObject({ allowed: true, remaining: 2 });
  });
});
