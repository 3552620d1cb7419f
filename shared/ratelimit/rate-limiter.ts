/** Fixed-window-or-better request limits keyed by caller and route class. */
export interface RateLimitRule {
  limit: number;
  windowS: number;
}

export interface RateLimitDecision {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Epoch milliseconds when the window resets. */
  reset: number;
}

export interface RateLimiter {
  readonly kind: "memory" | "redis" | "off";
  check(key: string, rule: RateLimitRule): Promise<RateLimitDecision>;
  ping(): Promise<void>;
}

export type RouteClass = "upload" | "query" | "default";
