/** 0.4 → "24 min", 5.5 → "5.5 h", 50 → "2.1 days": an age in hours as a person reads it. */
export function formatHours(hours: number): string {
  if (hours < 1) return `${Math.max(0, Math.round(hours * 60))} min`;
  if (hours < 48) return `${round(hours)} h`;
  return `${round(hours / 24)} days`;
}

/** 42 → "42 s", 95 → "1 min 35 s", 7300 → "2 h 2 min": a duration in seconds. */
export function formatSeconds(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min${s % 60 ? ` ${s % 60} s` : ""}`;
  const minutes = Math.round((s % 3600) / 60);
  return `${Math.floor(s / 3600)} h${minutes ? ` ${minutes} min` : ""}`;
}

/** 0.1234 → "12.3 %"; null (nothing to divide by) → "—". */
export function formatRate(rate: number | null): string {
  return rate === null ? "—" : `${round(rate * 100)} %`;
}

/** One decimal below 10, whole numbers above: enough precision to act on. */
function round(value: number): string {
  return value < 10 ? (Math.round(value * 10) / 10).toString() : Math.round(value).toString();
}
