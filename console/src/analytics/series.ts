import type { operations } from "@docstack/client";

export type Timeseries =
  operations["getAnalyticsTimeseries"]["responses"][200]["content"]["application/json"];
export type Point = Timeseries["points"][number];

/** The chart's columns: bucket starts in Unix seconds, then one value per bucket for each line. */
export interface ChartColumns {
  bucket: Timeseries["bucket"];
  x: number[];
  queries: number[];
  zeroResults: number[];
  p95: (number | null)[];
}

export function chartColumns(series: Timeseries): ChartColumns {
  return {
    bucket: series.bucket,
    x: series.points.map((p) => Date.parse(p.start) / 1000),
    queries: series.points.map((p) => p.queries),
    zeroResults: series.points.map((p) => p.zero_results),
    p95: series.points.map((p) => p.latency_ms.p95),
  };
}

/**
 * The chart in one or two sentences, for those who cannot see it (and as its caption): how many
 * queries, the busiest bucket, how many found nothing, the worst p95.
 */
export function summarise(series: Timeseries, label: (start: string) => string): string {
  const unit = series.bucket;
  const total = series.points.reduce((sum, p) => sum + p.queries, 0);
  const span = `${series.points.length} ${unit}${series.points.length === 1 ? "" : "s"}`;
  if (total === 0) return `No queries in this range (${span}).`;
  const busiest = series.points.reduce((top, p) => (p.queries > top.queries ? p : top));
  const zero = series.points.reduce((sum, p) => sum + p.zero_results, 0);
  const p95s = series.points.flatMap((p) => (p.latency_ms.p95 === null ? [] : [p.latency_ms.p95]));
  const slowest =
    p95s.length > 0 ? ` The slowest ${unit}'s p95 latency was ${Math.round(Math.max(...p95s))} ms.` : "";
  return (
    `${total} quer${total === 1 ? "y" : "ies"} in ${span}; the busiest ${unit} (${label(busiest.start)}) had ${busiest.queries}. ` +
    `${zero} found nothing.${slowest}`
  );
}

/** Bucket starts as the reader reads them: hours in local time, days as the UTC days they are. */
export function bucketLabel(bucket: Timeseries["bucket"]): (start: string) => string {
  return bucket === "hour"
    ? (start) => new Date(start).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" })
    : (start) => new Date(start).toLocaleDateString(undefined, { dateStyle: "medium", timeZone: "UTC" });
}
