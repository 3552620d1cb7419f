import type { RateLimitDecision, RateLimiter, RateLimitRule } from "./rate-limiter.js";

/**
 * In-process fixed-window limiter for the embedded default (one process, so a counter in
 * memory is the whole truth). Replicas need the Redis limiter.
 */
export class MemoryRateLimiter implements RateLimiter {
  readonly kind = "memory";
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  async check(key: string, rule: RateLimitRule): Promise<RateLimitDecision> {
    const windowMs = rule.windowS * 1000;
    const start = Math.floor(this.now() / windowMs) * windowMs;
    const id = `${rule.limit}/${rule.windowS}:${key}`;
    let w = this.windows.get(id);
    if (w === undefined || w.start !== start) {
      w = { start, count: 0 };
      this.windows.set(id, w);
      if (this.windows.size > 100_000) this.evict(start);
    }
    w.count += 1;
    return {
      allowed: w.count <= rule.limit,
      limit: rule.limit,
      remaining: Math.max(0, rule.limit - w.count),
      reset: start + windowMs,
    };
  }

  private evict(currentStart: number): void {
    for (const [k, w] of this.windows) if (w.start < currentStart) this.windows.delete(k);
  }

  async ping(): Promise<void> {}
}

export class DisabledRateLimiter implements RateLimiter {
  readonly kind = "off";
  async check(_key: string, rule: RateLimitRule): Promise<RateLimitDecision> {
    return {
      allowed: true,
      limit: rule.limit,
      remaining: rule.limit,
      reset: Date.now() + rule.windowS * 1000,
    };
  }
  async ping(): Promise<void> {}
}
