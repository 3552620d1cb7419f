import type { RateLimitRule } from "./rate-limiter.js";

/**
 * GCRA (the generic cell rate algorithm): a token bucket of `limit` requests, refilled at
 * `limit / windowS` per second, kept as a single timestamp, the theoretical arrival time (TAT).
 * A full bucket is a TAT at or before now; each admitted request moves the TAT one emission
 * interval (windowS / limit) later; a request is admitted while the TAT stays within one window
 * of now. From a full bucket, any t seconds admit at most limit + floor(t * limit / windowS).
 *
 * The Lua twin in gcra-script.ts runs the same steps inside Redis; the two must stay identical
 * (tests/stack/redis-rate-limiter.test.ts runs both on the same inputs).
 *
 * Time is whole microseconds. The emission interval is rarely a whole number of them (60 s / 7),
 * so the TAT carries its remainder as a fraction `tatFrac / limit` µs: every value stays an
 * integer below 2^53, exact in a double and in Redis' Lua, and no rounding can admit an extra
 * request.
 */
export interface GcraState {
  tatUs: number;
  /** Numerator of the TAT's fraction of a microsecond, in [0, limit). */
  tatFrac: number;
}

export interface GcraOutcome {
  allowed: boolean;
  /** The state to keep (unchanged when the request is refused). */
  state: GcraState;
  /** Requests that would still be admitted at this instant. */
  remaining: number;
  /** Microseconds until the bucket is full again, if no request comes. */
  resetUs: number;
  /** Microseconds until the next request would be admitted; 0 when one would be now. */
  retryAfterUs: number;
}

/** Both limiters refuse a rule the algorithm's integer arithmetic cannot hold. */
export function assertRule(rule: RateLimitRule): void {
  if (!Number.isInteger(rule.limit) || rule.limit < 1)
    throw new RangeError(`rate limit must be a positive whole number, got ${rule.limit}`);
  if (!Number.isInteger(rule.windowS) || rule.windowS < 1)
    throw new RangeError(`rate-limit window must be a positive whole number of seconds, got ${rule.windowS}`);
}

/** Decides one request at `nowUs` (integer microseconds) for a bucket last left in `stored`. */
export function gcra(stored: GcraState | undefined, nowUs: number, rule: RateLimitRule): GcraOutcome {
  assertRule(rule);
  const { limit } = rule;
  const windowUs = rule.windowS * 1_000_000;
  // Emission interval = q + r / limit microseconds.
  const q = Math.floor(windowUs / limit);
  const r = windowUs % limit;
  const later = (s: GcraState): GcraState => {
    const frac = s.tatFrac + r;
    return frac >= limit
      ? { tatUs: s.tatUs + q + 1, tatFrac: frac - limit }
      : { tatUs: s.tatUs + q, tatFrac: frac };
  };

  let tat: GcraState = stored ?? { tatUs: nowUs, tatFrac: 0 };
  if (tat.tatUs < nowUs) tat = { tatUs: nowUs, tatFrac: 0 };
  const next = later(tat);
  const ahead = next.tatUs - nowUs;
  const allowed = ahead < windowUs || (ahead === windowUs && next.tatFrac === 0);
  if (allowed) tat = next;

  // Admitted now while TAT + k * interval - now <= window: k <= (now + window - TAT) * limit / window.
  const remaining = Math.min(
    limit,
    Math.max(0, Math.floor((limit * (nowUs + windowUs - tat.tatUs) - tat.tatFrac) / windowUs)),
  );
  const resetUs = tat.tatUs - nowUs + (tat.tatFrac > 0 ? 1 : 0);
  // The next request is admitted from TAT + interval - window on.
  const after = later(tat);
  const retryAfterUs = Math.max(0, after.tatUs - windowUs - nowUs + (after.tatFrac > 0 ? 1 : 0));
  return { allowed, state: tat, remaining, resetUs, retryAfterUs };
}
