import { describe, expect, it } from "vitest";
import { MemoryRateLimiter } from "./memory-rate-limiter.js";

describe("MemoryRateLimiter", () => {
  it("allows the limit at once per key, then refills one request per window/limit", async () => {
    let now = 1_000_000;
    const limiter = new MemoryRateLimiter(() => now);
    const rule = { limit: 3, windowS: 30 };
    const results = [];
    for (let i = 0; i < 5; i++) results.push((await limiter.check("a", rule)).allowed);
    expect(results).toEqual([true, true, true, false, false]);
    expect((await limiter.check("b", rule)).allowed).toBe(true);
    const refused = await limiter.check("a", rule);
    expect(refused).toMatchObject({ allowed: false, remaining: 0, retryAfterMs: 10_000, resetMs: 30_000 });
    now += 9_999;
    expect((await limiter.check("a", rule)).allowed).toBe(false);
    now += 1;
    expect(await limiter.check("a", rule)).toMatchObject({ allowed: true, remaining: 0 });
    now += 30_000;
    expect(await limiter.check("a", rule)).toMatchObject({ allowed: true, remaining: 2 });
  });

  it("a burst straddling any instant admits the limit plus the refill, whatever the start", async () => {
    // The fixed window this replaces admitted 2 x limit across a window edge.
    const rule = { limit: 10, windowS: 60 };
    for (const start of [0, 59_999, 60_000, 119_000]) {
      let now = start;
      const limiter = new MemoryRateLimiter(() => now);
      let admitted = 0;
      for (let i = 0; i < 40; i++) {
        if ((await limiter.check("k", rule)).allowed) admitted++;
        now += 100; // 4 s in all
      }
      expect(admitted, `start ${start}`).toBe(10);
    }
  });
});
