import { describe, expect, it } from "vitest";
import { GradientLimit, type Pressure } from "./gradient-limit.js";

const calm: Pressure = { poolWaiting: 0, breakerProbing: false };

/** A limiter on a clock the test moves, and a way to run `count` requests of `ms` each. */
function harness(options: Partial<ConstructorParameters<typeof GradientLimit>[0]> = {}) {
  const clock = { now: 0 };
  const limit = new GradientLimit({
    initialLimit: 20,
    minLimit: 4,
    maxLimit: 200,
    windowMs: 100,
    windowSamples: 8,
    baselineSamples: 10,
    baselineIntervalMs: 60_000,
    stuckWindows: 20,
    random: () => 0.5,
    now: () => clock.now,
    ...options,
  });
  /** Requests at `concurrency` (capped by the limit) taking `ms` each, for `windows` windows. */
  const run = (ms: number, concurrency: number, windows: number, pressure: Pressure = calm) => {
    for (let w = 0; w < windows; w++) {
      const inFlight = Math.min(concurrency, limit.limit);
      const startedAt = clock.now;
      clock.now += Math.max(ms, 100 / 8);
      for (let i = 0; i < Math.max(8, inFlight); i++) limit.finished(ms, startedAt, pressure);
      clock.now += 100;
    }
  };
  /** A baseline from ten quiet requests of `ms` (or the ten a pinned measurement waits for). */
  const measure = (ms: number) => {
    clock.now += 1;
    for (let i = 0; i < 10; i++) limit.finished(ms, clock.now, calm, true);
  };
  return { clock, limit, run, measure };
}

describe("GradientLimit", () => {
  it("admits its initial limit from the start and learns the baseline from quiet requests", () => {
    const { limit, measure } = harness();
    expect(limit.currentPhase).toBe("adapting");
    expect(limit.limit).toBe(20);
    expect(limit.baselineMs).toBeUndefined();
    measure(20);
    expect(limit.baselineMs).toBe(20);
    expect(limit.limit).toBe(20);
  });

  it("a replica started under load, with no quiet request, pins the limit to measure one", () => {
    const { limit, run, measure } = harness();
    run(80, 1000, 7);
    expect(limit.currentPhase).toBe("baseline");
    expect(limit.limit).toBe(4);
    measure(20);
    expect(limit.currentPhase).toBe("adapting");
    expect(limit.limit).toBe(20);
  });

  it("a request that started before the measurement is not one of its samples", () => {
    const { limit, clock, run, measure } = harness();
    measure(20);
    clock.now += 60_000;
    const before = clock.now;
    run(20, 1000, 1);
    expect(limit.currentPhase).toBe("baseline");
    for (let i = 0; i < 10; i++) limit.finished(500, before, calm);
    expect(limit.currentPhase).toBe("baseline");
    expect(limit.baselineMs).toBe(20);
  });

  it("shrinks while requests take three times the baseline", () => {
    const { limit, run, measure } = harness();
    measure(20);
    run(60, 100, 5);
    expect(limit.limit).toBeLessThanOrEqual(7);
    expect(limit.currentPhase).toBe("adapting");
  });

  it("grows while requests stay near the baseline and the load uses the limit", () => {
    const { limit, run, measure } = harness();
    measure(20);
    run(20, 1000, 10);
    expect(limit.limit).toBeGreaterThan(60);
  });

  it("grows to its maximum while the process stays uncongested: an idle process takes a burst", () => {
    const { limit, run, measure } = harness();
    measure(20);
    run(20, 6, 40);
    expect(limit.limit).toBe(200);
  });

  it("settles where latency is a bounded multiple of the baseline", () => {
    // A service whose latency grows with concurrency past 8 (queueing): 20 ms × max(1, n / 8).
    const { limit, clock, measure } = harness();
    measure(20);
    for (let w = 0; w < 200; w++) {
      const n = limit.limit;
      const ms = 20 * Math.max(1, n / 8);
      const startedAt = clock.now;
      clock.now += ms;
      for (let i = 0; i < Math.max(8, n); i++) limit.finished(ms, startedAt, calm);
      clock.now += 100;
    }
    expect(limit.limit).toBeGreaterThanOrEqual(8);
    expect(limit.limit).toBeLessThanOrEqual(24);
  });

  it("a queue at the database pool shrinks it even at baseline latency", () => {
    const { limit, run, measure } = harness();
    measure(20);
    run(20, 1000, 5, { poolWaiting: 3, breakerProbing: false });
    expect(limit.limit).toBeLessThan(20 * 0.9 ** 4);
  });

  it("does not grow while a dependency's breaker probes, nor cut what runs", () => {
    const { limit, run, measure } = harness();
    measure(20);
    run(20, 1000, 5);
    const before = limit.limit;
    expect(before).toBeGreaterThan(20);
    run(20, 1000, 5, { poolWaiting: 0, breakerProbing: true });
    expect(limit.limit).toBe(before);
    run(20, 1000, 2);
    expect(limit.limit).toBeGreaterThan(before);
  });

  it("a young process measures again soon: its first baseline was of cold code", () => {
    const { limit, clock, run, measure } = harness();
    measure(80);
    clock.now += 5_000;
    run(20, 1000, 2);
    expect(limit.currentPhase).toBe("baseline");
    measure(20);
    expect(limit.baselineMs).toBe(20);
    clock.now += 5_000;
    run(20, 1000, 2);
    expect(limit.currentPhase).toBe("adapting");
    clock.now += 6_000;
    run(20, 1000, 2);
    expect(limit.currentPhase).toBe("baseline");
  });

  it("measures the baseline again after its interval", () => {
    const { limit, clock, run, measure } = harness();
    measure(20);
    clock.now += 60_000;
    run(20, 1000, 1);
    expect(limit.currentPhase).toBe("baseline");
    expect(limit.limit).toBe(4);
    measure(30);
    expect(limit.baselineMs).toBe(30);
    expect(limit.currentPhase).toBe("adapting");
  });

  it("a baseline learnt on cheaper traffic is measured again once the limit sits at its minimum", () => {
    // Cache hits at 2 ms taught it a baseline the 40 ms misses that follow can never meet.
    const { limit, run, measure } = harness();
    measure(2);
    let windows = 0;
    while (limit.currentPhase === "adapting" && windows < 100) {
      run(40, 1000, 1);
      windows += 1;
    }
    // stuckWindows (20) at the smallest gradient, counted from the first window it reached it.
    expect(windows).toBeGreaterThanOrEqual(20);
    expect(windows).toBeLessThanOrEqual(22);
    measure(40);
    expect(limit.baselineMs).toBe(40);
    run(40, 1000, 30);
    expect(limit.limit).toBeGreaterThan(20);
  });

  it("refuses limits that cannot hold", () => {
    expect(() => new GradientLimit({ minLimit: 10, maxLimit: 5 })).toThrow(/min ≤ max/);
  });
});
