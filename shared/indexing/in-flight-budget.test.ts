import { describe, expect, it } from "vitest";
import { InFlightBudget } from "./in-flight-budget.js";

const settledSoon = async (p: Promise<void>): Promise<boolean> => {
  let done = false;
  void p.then(() => {
    done = true;
  });
  for (let i = 0; i < 5; i++) await new Promise((r) => setImmediate(r));
  return done;
};

describe("the in-flight budget", () => {
  it("holds a document back while the budget is spent, and lets it go when another releases", async () => {
    const budget = new InFlightBudget(100);
    const a = budget.ticket();
    const b = budget.ticket();
    await budget.acquire(a, 80);
    const waiting = budget.acquire(b, 30);
    expect(await settledSoon(waiting)).toBe(false);
    budget.release(a);
    expect(await settledSoon(waiting)).toBe(true);
    expect(budget.inUse()).toBe(30);
  });

  it("always lets the oldest document proceed, so waiters never hold each other up", async () => {
    const budget = new InFlightBudget(100);
    const a = budget.ticket();
    const b = budget.ticket();
    await budget.acquire(a, 10);
    await budget.acquire(b, 85);
    // The oldest grows past the budget: it goes on; the younger one must wait.
    expect(await settledSoon(budget.acquire(a, 50))).toBe(true);
    const younger = budget.acquire(b, 10);
    expect(await settledSoon(younger)).toBe(false);
    budget.release(a);
    expect(await settledSoon(younger)).toBe(true);
  });

  it("takes a document larger than the whole budget when it is alone", async () => {
    const budget = new InFlightBudget(100);
    const huge = budget.ticket();
    expect(await settledSoon(budget.acquire(huge, 1000))).toBe(true);
    const next = budget.ticket();
    expect(await settledSoon(budget.acquire(next, 1))).toBe(false);
    budget.release(huge);
    expect(await settledSoon(budget.acquire(next, 1))).toBe(true);
  });

  it("lets a waiter go when its own ticket is released (its document failed)", async () => {
    const budget = new InFlightBudget(10);
    const a = budget.ticket();
    const b = budget.ticket();
    await budget.acquire(a, 10);
    const waiting = budget.acquire(b, 5);
    budget.release(b);
    expect(await settledSoon(waiting)).toBe(true);
    expect(budget.inUse()).toBe(10);
  });
});
