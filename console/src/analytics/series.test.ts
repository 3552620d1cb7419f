import { describe, expect, it } from "vitest";
import { chartColumns, type Point, summarise, type Timeseries } from "./series.js";

const point = (start: string, queries: number, zero = 0, p95: number | null = null): Point => ({
  start,
  queries,
  failed: 0,
  zero_results: zero,
  cache_hits: 0,
  latency_ms: { p50: p95, p95 },
});

const series = (points: Point[], bucket: Timeseries["bucket"] = "hour"): Timeseries => ({
  from: "2026-03-10T00:00:00.000Z",
  to: "2026-03-10T03:00:00.000Z",
  collection_id: null,
  bucket,
  points,
});

describe("chartColumns", () => {
  it("puts bucket starts in Unix seconds beside each line's values, gaps kept as null", () => {
    const columns = chartColumns(
      series([point("2026-03-10T00:00:00.000Z", 0), point("2026-03-10T01:00:00.000Z", 4, 1, 35.5)]),
    );
    expect(columns).toEqual({
      bucket: "hour",
      x: [1773100800, 1773104400],
      queries: [0, 4],
      zeroResults: [0, 1],
      p95: [null, 35.5],
    });
  });
});

describe("summarise", () => {
  const label = (start: string) => start.slice(11, 16);

  it("says so when the range has no queries", () => {
    expect(summarise(series([point("2026-03-10T00:00:00.000Z", 0)], "day"), label)).toBe(
      "No queries in this range (1 day).",
    );
  });

  it("names the total, the busiest bucket, the queries that found nothing and the worst p95", () => {
    const text = summarise(
      series([
        point("2026-03-10T00:00:00.000Z", 2, 0, 12),
        point("2026-03-10T01:00:00.000Z", 7, 3, 80.4),
        point("2026-03-10T02:00:00.000Z", 0),
      ]),
      label,
    );
    expect(text).toBe(
      "9 queries in 3 hours; the busiest hour (01:00) had 7. 3 found nothing. The slowest hour's p95 latency was 80 ms.",
    );
  });

  it("reads one query in the singular", () => {
    expect(summarise(series([point("2026-03-10T00:00:00.000Z", 1)]), label)).toBe(
      "1 query in 1 hour; the busiest hour (00:00) had 1. 0 found nothing.",
    );
  });
});
