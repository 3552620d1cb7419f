import { Redis as IORedis } from "ioredis";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { type GcraState, gcra } from "../../shared/ratelimit/gcra.js";
import { gcraScriptWithClock } from "../../shared/ratelimit/gcra-script.js";
import type { RateLimitRule } from "../../shared/ratelimit/rate-limiter.js";
import { RedisRateLimiter } from "../../shared/ratelimit/redis-rate-limiter.js";
import { state } from "./stack-client.js";

/*
 * The Redis limiter against the stack's real Redis, with two limiter instances standing for two
 * replicas (each its own connection). Bounds come from the measured duration of each burst:
 * from a full bucket, t seconds admit at most limit + floor(t * limit / window).
 */

const url = state.redis.url;
const replicas = [0, 1].map(
  () => new RedisRateLimiter({ url, timeoutMs: 2000, failMode: "closed", prefix: "test:rl" }),
);
afterAll(async () => {
  for (const r of replicas) await r.close();
});
afterEach(() => {
  vi.useRealTimers();
});

/** `count` concurrent checks of one key, alternating replicas; admitted count and seconds taken. */
async function burst(key: string, rule: RateLimitRule, count: number) {
  const started = performance.now();
  const decisions = await Promise.all(
    Array.from({ length: count }, (_, i) => (replicas[i % 2] as RedisRateLimiter).check(key, rule)),
  );
  const elapsedS = (performance.now() - started) / 1000;
  return { admitted: decisions.filter((d) => d.allowed).length, decisions, elapsedS };
}

const bound = (rule: RateLimitRule, elapsedS: number) =>
  rule.limit + Math.floor((elapsedS * rule.limit) / rule.windowS);

describe("RedisRateLimiter across replicas", () => {
  it("a concurrent burst of 3N over two replicas admits at least N and at most the bound", async () => {
    for (const rule of [
      { limit: 60, windowS: 60 },
      { limit: 200, windowS: 3600 },
      { limit: 7, windowS: 1 },
    ]) {
      const { admitted, decisions, elapsedS } = await burst(crypto.randomUUID(), rule, 3 * rule.limit);
      expect(admitted, JSON.stringify({ rule, elapsedS })).toBeGreaterThanOrEqual(rule.limit);
      expect(admitted, JSON.stringify({ rule, elapsedS })).toBeLessThanOrEqual(bound(rule, elapsedS));
      for (const d of decisions.filter((x) => !x.allowed)) {
        expect(d.remaining).toBe(0);
        expect(d.retryAfterMs).toBeGreaterThan(0);
        expect(d.retryAfterMs).toBeLessThanOrEqual((rule.windowS * 1000) / rule.limit + 1);
      }
    }
  });

  it("the replicas' clocks never enter a decision: a window edge or an hour's jump admits nothing more", async () => {
    // A replica's clock set just before a minute's edge, then just after it, then an hour ahead.
    // A limiter that windows or refills on the caller's clock admits again at each step.
    vi.useFakeTimers({ toFake: ["Date"] });
    const rule = { limit: 20, windowS: 60 };
    const key = crypto.randomUUID();
    const edge = Math.ceil(Date.now() / 60_000) * 60_000 + 60_000;
    const started = performance.now();
    let admitted = 0;
    for (const at of [edge - 1, edge + 1, edge + 3_600_000]) {
      vi.setSystemTime(at);
      admitted += (await burst(key, rule, 2 * rule.limit)).admitted;
    }
    const elapsedS = (performance.now() - started) / 1000;
    expect(admitted, `elapsed ${elapsedS} s`).toBeLessThanOrEqual(bound(rule, elapsedS));
    expect(admitted).toBeGreaterThanOrEqual(rule.limit);
  });

  it("waiting the refused request's retry-after is enough for the next one", async () => {
    const rule = { limit: 5, windowS: 1 };
    const key = crypto.randomUUID();
    const first = await burst(key, rule, 10);
    const refused = first.decisions.find((d) => !d.allowed);
    expect(refused).toBeDefined();
    // Redis' clock and this process's timers are different clocks: a millisecond's margin.
    await new Promise((r) => setTimeout(r, (refused?.retryAfterMs ?? 0) + 1));
    expect((await replicas[1]?.check(key, rule))?.allowed).toBe(true);
  });

  it("the Redis script and gcra.ts decide identically on the same clock", async () => {
    const redis = new IORedis(url);
    try {
      let seed = 7;
      const random = () => {
        seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
        return seed / 2_147_483_648;
      };
      for (const rule of [
        { limit: 7, windowS: 60 },
        { limit: 3, windowS: 1 },
        { limit: 1_000_000, windowS: 7 },
        { limit: 1_000_000_000, windowS: 60 },
      ]) {
        const key = `test:rl:parity:${crypto.randomUUID()}`;
        let stored: GcraState | undefined;
        let nowUs = 1_763_900_000_123_456;
        const intervalUs = (rule.windowS * 1_000_000) / rule.limit;
        for (let i = 0; i < 300; i++) {
          if (random() < 0.5) nowUs += Math.floor(random() * intervalUs * 2);
          // The key's expiry runs on Redis' real clock, not this test's: read Redis' time before
          // and after the script and the absolute expiry it set, then persist the key, in one
          // transaction. Bounding the expiry by both clock readings leaves no timing to chance.
          const replies = await redis
            .multi()
            .time()
            .eval(
              gcraScriptWithClock,
              1,
              key,
              String(rule.limit),
              String(rule.windowS * 1_000_000),
              String(nowUs),
            )
            .pexpiretime(key)
            .time()
            .persist(key)
            .get(key)
            .exec();
          const [timeBefore, reply, expiresAtMs, timeAfter, , kept] = (replies ?? []).map(
            ([error, value]) => {
              if (error) throw error;
              return value;
            },
          );
          const ms = (time: unknown) => {
            const [seconds, micros] = time as [string, string];
            return Number(seconds) * 1000 + Number(micros) / 1000;
          };
          const expected = gcra(stored, nowUs, rule);
          stored = expected.state;
          const at = JSON.stringify({ rule, i, nowUs });
          expect(reply, at).toEqual([
            expected.allowed ? 1 : 0,
            expected.remaining,
            expected.resetUs,
            expected.retryAfterUs,
          ]);
          expect(kept, at).toBe(`${stored.tatUs}:${stored.tatFrac}`);
          if (expected.allowed) {
            // Kept until the bucket is full again, never dropped before, and not much longer.
            const keptMs = Math.ceil(expected.resetUs / 1000);
            expect(Number(expiresAtMs), at).toBeGreaterThanOrEqual(Math.floor(ms(timeBefore)) + keptMs);
            expect(Number(expiresAtMs), at).toBeLessThanOrEqual(Math.ceil(ms(timeAfter)) + keptMs + 1);
          }
        }
        await redis.del(key); // persisted above
      }
    } finally {
      redis.disconnect();
    }
  });
});
