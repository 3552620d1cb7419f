import { describe, expect, it } from "vitest";
import { nextRun, parseCron } from "./cron.js";

const next = (expr: string, after: string) => nextRun(parseCron(expr), new Date(after)).toISOString();

describe("cron schedules", () => {
  it("finds the next daily run, today or tomorrow", () => {
    expect(next("30 2 * * *", "2026-11-23T01:00:00Z")).toBe("2026-11-23T02:30:00.000Z");
    expect(next("30 2 * * *", "2026-11-23T02:30:00Z")).toBe("2026-11-24T02:30:00.000Z");
    expect(next("30 2 * * *", "2026-12-31T03:00:00Z")).toBe("2027-01-01T02:30:00.000Z");
  });

  it("reads steps, ranges and lists", () => {
    expect(next("*/15 * * * *", "2026-11-23T10:07:00Z")).toBe("2026-11-23T10:15:00.000Z");
    expect(next("0 9-17/4 * * *", "2026-11-23T10:00:00Z")).toBe("2026-11-23T13:00:00.000Z");
    expect(next("5,50 * * * *", "2026-11-23T10:06:00Z")).toBe("2026-11-23T10:50:00.000Z");
  });

  it("handles weekdays (7 is Sunday), months and the either-day rule", () => {
    // 2026-11-23 is a Monday.
    expect(next("0 3 * * 7", "2026-11-23T00:00:00Z")).toBe("2026-11-29T03:00:00.000Z");
    expect(next("0 0 1 2 *", "2026-11-23T00:00:00Z")).toBe("2027-02-01T00:00:00.000Z");
    // Day 1 of the month or any Friday, whichever comes first.
    expect(next("0 0 1 * 5", "2026-11-23T00:00:00Z")).toBe("2026-11-27T00:00:00.000Z");
    expect(next("0 0 29 2 *", "2026-03-01T00:00:00Z")).toBe("2028-02-29T00:00:00.000Z");
  });

  it("refuses what it cannot read", () => {
    for (const bad of [
      "* * * *",
      "60 * * * *",
      "* 24 * * *",
      "0 0 0 * *",
      "a * * * *",
      "*/0 * * * *",
      "5-1 * * * *",
    ]) {
      expect(() => parseCron(bad), bad).toThrow(/cron/);
    }
    expect(() => nextRun(parseCron("0 0 31 2 *"), new Date())).toThrow(/five years/);
  });
});
