/**
 * The wait a `Retry-After` header asks for, in milliseconds: delay-seconds ("20") or an HTTP
 * date ("Wed, 21 Oct 2015 07:28:00 GMT"), as RFC 9110 §10.2.3 allows. Undefined when the header
 * is missing or unreadable, so the caller falls back to its own backoff; a date in the past is 0.
 */
export function retryAfterMs(header: string | null, now = Date.now()): number | undefined {
  if (header === null) return undefined;
  const value = header.trim();
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  // Only the date forms: Date.parse would also read "5" or "1.5" as a year.
  if (!/^[A-Za-z]{3,9},? /.test(value)) return undefined;
  const at = Date.parse(value);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - now);
}

/**
 * Exponential backoff with full jitter (AWS Architecture Blog, "Exponential Backoff And
 * Jitter"): a random wait up to base·2^attempt, capped, so clients that failed together do not
 * come back together.
 */
export function backoffMs(attempt: number, baseMs: number, capMs: number, random = Math.random): number {
  return Math.round(random() * Math.min(capMs, baseMs * 2 ** attempt));
}
