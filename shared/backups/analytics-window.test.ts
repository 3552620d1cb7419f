import { describe, expect, it } from "vitest";
import { analyticsSettleMs, analyticsWindowAt } from "./analytics-window.js";

describe("analyticsWindowAt", () => {
  const now = new Date("2026-03-10T12:00:00.000Z");

  it("ends before the drill starts and begins a day inside the retention", () => {
    expect(analyticsWindowAt(now, 90)).toEqual({
      from: new Date("2025-12-11T12:00:00.000Z"),
      to: new Date(now.getTime() - analyticsSettleMs),
    });
    // Longer than the event buffer's one-second wait for a partial batch.
    expect(analyticsSettleMs).toBeGreaterThan(1000);
  });

  it("is empty with a retention of one day: any row may be deleted during the drill", () => {
    const { from, to } = analyticsWindowAt(now, 1);
    expect(from.getTime()).toBeGreaterThan(to.getTime());
  });
});
