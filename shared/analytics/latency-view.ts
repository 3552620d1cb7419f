/**
 * Latency percentiles as the analytics routes publish them: milliseconds to a tenth, null where
 * no query was asked. PostgreSQL's percentile_cont comes back as a number or a numeric string.
 */
export function latencyView(p50: number | string | null, p95: number | string | null) {
  const ms = (v: number | string | null) => (v === null ? null : Math.round(Number(v) * 10) / 10);
  return { p50: ms(p50), p95: ms(p95) };
}
