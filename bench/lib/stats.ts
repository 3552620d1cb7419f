/** Summary statistics for benchmark samples. Pure: no I/O, no clocks. */

/**
 * The p-quantile (0..1) of `sorted` (ascending) by the nearest-rank method: the smallest sample
 * with at least p of all samples at or below it. NaN for no samples.
 */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  if (p <= 0) return sorted[0] ?? Number.NaN;
  const rank = Math.ceil(p * sorted.length);
  return sorted[Math.min(sorted.length, rank) - 1] ?? Number.NaN;
}

export function ascending(values: readonly number[]): number[] {
  return [...values].sort((a, b) => a - b);
}

/** Median of unsorted values (mean of the middle two for an even count). NaN for none. */
export function median(values: readonly number[]): number {
  const s = ascending(values);
  if (s.length === 0) return Number.NaN;
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[mid] ?? Number.NaN) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
}

export interface Spread {
  min: number;
  median: number;
  max: number;
  n: number;
}

/** Min, median and max over runs. */
export function spread(values: readonly number[]): Spread {
  const s = ascending(values);
  return { min: s[0] ?? Number.NaN, median: median(s), max: s.at(-1) ?? Number.NaN, n: s.length };
}

export interface LatencySummary {
  count: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  mean: number;
}

/** Latency percentiles (same unit as the samples). */
export function latencySummary(samples: readonly number[]): LatencySummary {
  const s = ascending(samples);
  const sum = s.reduce((a, b) => a + b, 0);
  return {
    count: s.length,
    p50: percentile(s, 0.5),
    p95: percentile(s, 0.95),
    p99: percentile(s, 0.99),
    max: s.at(-1) ?? Number.NaN,
    mean: s.length ? sum / s.length : Number.NaN,
  };
}

/** value / baseline per run, pairing the i-th of each (a baseline measured once pairs with all). */
export function ratios(values: readonly number[], baseline: readonly number[]): number[] {
  return values.map((v, i) => {
    const b = baseline.length === 1 ? baseline[0] : baseline[i];
    return b === undefined || b === 0 ? Number.NaN : v / b;
  });
}
