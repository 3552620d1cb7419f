import { describe, expect, it } from "vitest";
import { isTimeRange, rangeQuery, timeRanges } from "./time-range.js";

describe("rangeQuery", () => {
  const now = new Date("2026-03-10T12:30:00.000Z");
  it.each([
    ["24h", "2026-03-09T12:30:00.000Z"],
    ["7d", "2026-03-03T12:30:00.000Z"],
    ["30d", "2026-02-08T12:30:00.000Z"],
    ["90d", "2025-12-10T12:30:00.000Z"],
  ] as const)("%s starts at %s and ends now", (range, from) => {
    expect(rangeQuery(range, now)).toEqual({ from, to: "2026-03-10T12:30:00.000Z" });
  });

  it("keeps every range within the API's 2,000 buckets", () => {
    for (const r of Object.values(timeRanges)) {
      expect(r.bucket === "hour" ? r.hours : r.hours / 24).toBeLessThanOrEqual(2000);
    }
  });

  it("accepts only the ranges it offers", () => {
    expect(isTimeRange("7d")).toBe(true);
    expect(isTimeRange("toString")).toBe(false);
    expect(isTimeRange("1y")).toBe(false);
  });
});
