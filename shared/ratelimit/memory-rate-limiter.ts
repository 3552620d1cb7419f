import { type GcraState, gcra } from "./gcra.js";
import {
  type RateLimitDecision,
  type RateLimiter,
  type RateLimitRule,
  unlimitedDecision,
} from "./rate-limiter.js";

/** Buckets kept before full ones (equivalent to absent ones) are swept. */
const sweepAbove = 100_000;

/**
 * In-process limiter for the embedded default (one process, so memory is the whole truth),
 * the same GCRA as the Redis limiter so both behave alike. Replicas need the Redis limiter.
 */
export class MemoryRateLimiter implements RateLimiter {
  readonly kind = "memory";
  private readonly buckets = new Map<string, GcraState>();

  /** `now` in milliseconds; monotonic by default, so a wall-clock step cannot refill buckets. */
  constructor(private readonly now: () => number = () => performance.now()) {}

  async check(key: string, rule: RateLimitRule): Promise<RateLimitDecision> {
    const nowUs = Math.floor(this.now() * 1000);
    const id = `${rule.limit}/${rule.windowS}:${key}`;
    const outcome = gcra(this.buckets.get(id), nowUs, rule);
    if (outcome.allowed) {
      this.buckets.set(id, outcome.state);
      if (this.buckets.size > sweepAbove) this.sweep(nowUs);
    }
    return {
      allowed: outcome.allowed,
      limit: rule.limit,
      remaining: outcome.remaining,
      resetMs: Math.ceil(outcome.resetUs / 1000),
      retryAfterMs: Math.ceil(outcome.retryAfterUs / 1000),
    };
  }

  private sweep(nowUs: number): void {
    for (const [id, state] of this.buckets) if (state.tatUs < nowUs) this.buckets.delete(id);
  }

  async ping(): Promise<void> {}
}

export class DisabledRateLimiter implements RateLimiter {
  readonly kind = "off";
  async check(_key: string, rule: RateLimitRule): Promise<RateLimitDecision> {
    return unlimitedDecision(rule);
  }
  async ping(): Promise<void> {}
}
