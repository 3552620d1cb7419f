import { describe, expect, it } from "vitest";
import { type GcraState, gcra } from "./gcra.js";

/** Runs requests at the given microsecond instants through one bucket; returns each outcome. */
function run(rule: { limit: number; windowS: number }, instants: number[]) {
  let state: GcraState | undefined;
  return instants.map((t) => {
    const outcome = gcra(state, t, rule);
    state = outcome.state;
    return outcome;
  });
}

/** A small deterministic PRNG (mulberry32), so a failing case can be replayed from its seed. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const t0 = 1_763_900_000_000_000; // a realistic epoch in microseconds, near Redis' TIME

describe("gcra", () => {
  it("admits the whole limit at once from a full bucket, then nothing until a refill", () => {
    const rule = { limit: 60, windowS: 60 };
    const burst = run(
      rule,
      Array.from({ length: 180 }, () => t0),
    );
    expect(burst.filter((o) => o.allowed)).toHaveLength(60);
    expect(burst.slice(0, 60).every((o) => o.allowed)).toBe(true);
    expect(burst.map((o) => o.remaining).slice(0, 3)).toEqual([59, 58, 57]);
    expect(burst[59]).toMatchObject({ remaining: 0, resetUs: 60_000_000, retryAfterUs: 1_000_000 });
    expect(burst[60]).toMatchObject({ allowed: false, remaining: 0, retryAfterUs: 1_000_000 });
  });

  it("refills one request per window/limit, and says when the next one is admitted", () => {
    const rule = { limit: 3, windowS: 3 };
    const s = [t0, t0, t0, t0, t0 + 999_999, t0 + 1_000_000, t0 + 1_000_001, t0 + 2_000_000];
    const outcomes = run(rule, s);
    expect(outcomes.map((o) => o.allowed)).toEqual([true, true, true, false, false, true, false, true]);
    expect(outcomes[3]?.retryAfterUs).toBe(1_000_000);
    expect(outcomes[4]?.retryAfterUs).toBe(1);
    expect(outcomes[6]?.retryAfterUs).toBe(999_999);
  });

  it("a bucket left alone is full again after its reset time, and no sooner", () => {
    const rule = { limit: 5, windowS: 10 };
    const first = run(rule, [t0, t0, t0]);
    const resetUs = first[2]?.resetUs ?? 0;
    expect(resetUs).toBe(6_000_000);
    const state = first[2]?.state;
    expect(gcra(state, t0 + resetUs, rule).remaining).toBe(4); // full: 5, minus this one
    expect(gcra(state, t0 + resetUs - 1, rule).remaining).toBe(3);
  });

  it("keeps the emission interval's fraction of a microsecond: 7 per 60 s admits exactly 7 + k over k intervals", () => {
    // 60 s / 7 = 8,571,428.57 µs: rounding it down would admit early, rounding up late.
    const rule = { limit: 7, windowS: 60 };
    const instants: number[] = [];
    for (let i = 0; i < 700; i++) instants.push(t0 + Math.floor((i * 60_000_000) / 70)); // 10 per interval
    // The last instant is 699/10 = 69.9 intervals after the first: 69 refills.
    expect(run(rule, instants).filter((o) => o.allowed)).toHaveLength(7 + 69);
    // Exactly at multiples of 60/7 s the refill is due; a microsecond before it is not.
    const at = (n: number) => t0 + Math.ceil((n * 60_000_000) / 7);
    const onTime = run(rule, [...Array.from({ length: 7 }, () => t0), at(1), at(2) - 1, at(2)]);
    expect(onTime.map((o) => o.allowed).slice(7)).toEqual([true, false, true]);
  });

  it.each([
    { limit: 1, windowS: 1 },
    { limit: 3, windowS: 7 },
    { limit: 60, windowS: 60 },
    { limit: 7, windowS: 3600 },
    { limit: 1_000_000, windowS: 1 },
  ])("never admits more than limit + floor(t * limit / window) in any interval t ($limit per $windowS s)", (rule) => {
    const windowUs = rule.windowS * 1_000_000;
    for (let seed = 1; seed <= 20; seed++) {
      const random = prng(seed);
      // Bursts and gaps on a scale of the emission interval, over a few windows.
      const intervalUs = windowUs / rule.limit;
      const instants: number[] = [];
      let t = t0;
      for (let i = 0; i < 400; i++) {
        if (random() < 0.4) t += Math.floor(random() * intervalUs * 3);
        instants.push(t);
      }
      const admittedAt = run(rule, instants)
        .map((o, i) => (o.allowed ? instants[i] : undefined))
        .filter((x): x is number => x !== undefined);
      // Every interval between two admitted requests (i..j): j - i + 1 admitted in t = [a_i, a_j].
      for (let i = 0; i < admittedAt.length; i++) {
        for (let j = i; j < admittedAt.length; j++) {
          const span = (admittedAt[j] ?? 0) - (admittedAt[i] ?? 0);
          const bound = rule.limit + Math.floor((span * rule.limit) / windowUs);
          if (j - i + 1 > bound)
            throw new Error(`seed ${seed}: ${j - i + 1} admitted in ${span} µs, bound ${bound}`);
        }
      }
      // And a full bucket admits the whole limit at once: the first `limit` are all admitted.
      expect(
        run(
          rule,
          Array.from({ length: Math.min(rule.limit, 1000) }, () => t),
        ).every((o) => o.allowed),
      ).toBe(true);
    }
  });

  it("refuses rules its arithmetic cannot hold", () => {
    expect(() => gcra(undefined, t0, { limit: 0, windowS: 60 })).toThrow(/positive whole number/);
    expect(() => gcra(undefined, t0, { limit: 2.5, windowS: 60 })).toThrow(/positive whole number/);
    expect(() => gcra(undefined, t0, { limit: 10, windowS: 0.5 })).toThrow(/whole number of seconds/);
  });
});
