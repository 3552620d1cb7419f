import { describe, expect, it } from "vitest";
import { AdmissionControl, type AdmissionTicket } from "./admission-control.js";

const calm = () => ({ poolWaiting: 0, breakerProbing: false });

/** A gate on a clock the test moves, with a limit of 2–100 that starts at 100. */
function gate() {
  const clock = { now: 0 };
  const control = new AdmissionControl(
    calm,
    { minLimit: 2, maxLimit: 100, initialLimit: 100, windowMs: 100, windowSamples: 8, baselineSamples: 10 },
    () => clock.now,
  );
  /** `n` requests at once, each taking `ms`; returns how many were refused. */
  const wave = (n: number, ms: number) => {
    const tickets: AdmissionTicket[] = [];
    let refused = 0;
    for (let i = 0; i < n; i++) {
      const t = control.tryAcquire();
      if (t === undefined) refused++;
      else tickets.push(t);
    }
    clock.now += ms;
    for (const t of tickets) t.release(true);
    return refused;
  };
  return { clock, control, wave };
}

describe("AdmissionControl", () => {
  it("refuses past the limit a congested spell taught it, until nothing is in flight", () => {
    const { control, wave } = gate();
    // Quiet requests teach a 10 ms baseline.
    for (let i = 0; i < 10; i++) wave(1, 10);
    expect(control.limiter.baselineMs).toBe(10);
    // A busy spell: one long request stays in flight while waves of 50 take ten times that.
    const long = control.tryAcquire();
    for (let i = 0; i < 20; i++) wave(50, 100);
    const lowered = control.limiter.limit;
    expect(lowered).toBeLessThan(50);
    expect(wave(50, 100)).toBe(50 - (lowered - 1));
    // Once nothing is in flight there is no queue: the next wave has room.
    long?.release(false);
    expect(wave(60, 10)).toBe(0);
  });

  it("counts what it refuses", () => {
    const { control } = gate();
    const held = Array.from({ length: 100 }, () => control.tryAcquire());
    expect(held.every((t) => t !== undefined)).toBe(true);
    expect(control.tryAcquire()).toBeUndefined();
    expect(control.shed).toBe(1);
    expect(control.inFlight).toBe(100);
  });
});
