/** The ranges the analytics page offers, each with the bucket its chart is drawn in. */
export const timeRanges = {
  "24h": { label: "Last 24 hours", hours: 24, bucket: "hour" },
  "7d": { label: "Last 7 days", hours: 7 * 24, bucket: "hour" },
  "30d": { label: "Last 30 days", hours: 30 * 24, bucket: "day" },
  "90d": { label: "Last 90 days", hours: 90 * 24, bucket: "day" },
} as const satisfies Record<string, { label: string; hours: number; bucket: "hour" | "day" }>;

export type TimeRange = keyof typeof timeRanges;

export function isTimeRange(value: string): value is TimeRange {
  return Object.hasOwn(timeRanges, value);
}

/** `from` and `to` for the API (RFC 3339), ending at `now`. */
export function rangeQuery(range: TimeRange, now: Date): { from: string; to: string } {
  const from = new Date(now.getTime() - timeRanges[range].hours * 3_600_000);
  return { from: from.toISOString(), to: now.toISOString() };
}
