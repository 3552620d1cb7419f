/**
 * Request limits keyed by caller and route class. A rule is a token bucket: `limit` requests at
 * once from a full bucket, refilled at `limit / windowS` per second (see gcra.ts).
 */
export interface RateLimitRule {
  limit: number;
  windowS: number;
}

export interface RateLimitDecision {
  allowed: boolean;
  limit: number;
  /** Requests that would still be admitted right after this one. */
  remaining: number;
  /** Milliseconds until the bucket is full again (`remaining` back to `limit`) if no request comes. */
  resetMs: number;
  /** Milliseconds until the next request would be admitted; 0 while `remaining` > 0. */
  retryAfterMs: number;
}

export interface RateLimiter {
  readonly kind: "memory" | "redis" | "off";
  check(key: string, rule: RateLimitRule): Promise<RateLimitDecision>;
  ping(): Promise<void>;
}

export type RouteClass = "upload" | "query" | "default";

/** What a limiter that cannot or need not decide answers: let the request through. */
export function unlimitedDecision(rule: RateLimitRule): RateLimitDecision {
  return { allowed: true, limit: rule.limit, remaining: rule.limit, resetMs: 0, retryAfterMs: 0 };
}
