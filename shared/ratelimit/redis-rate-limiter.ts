import { createHash } from "node:crypto";
import { Ratelimit } from "@upstash/ratelimit";
import { Redis as IORedis } from "ioredis";
import { ApiError } from "../errors/api-error.js";
import type { RateLimitDecision, RateLimiter, RateLimitRule } from "./rate-limiter.js";

const sha1 = (text: string) => createHash("sha1").update(text).digest("hex");

/** Redis 7.0 rejects the `#!lua flags=allow-key-locking` line that @upstash/ratelimit 2.x prepends. */
export function stripShebang(script: string): string {
  return script.startsWith("#!") ? script.slice(script.indexOf("\n") + 1) : script;
}

/**
 * The slice of @upstash/redis that @upstash/ratelimit calls, over ioredis. Upstash addresses
 * scripts by the SHA of their original text (shebang included); we run the stripped text, so
 * we keep the mapping and answer NOSCRIPT until eval has taught it, which makes Upstash fall
 * back to eval exactly once per script per process (and again after a Redis restart).
 */
export class UpstashRedisAdapter {
  private readonly stripped = new Map<string, string>();
  constructor(private readonly redis: IORedis) {}

  async eval(script: string, keys: string[], args: unknown[]): Promise<unknown> {
    const body = stripShebang(script);
    this.stripped.set(sha1(script), sha1(body));
    return this.redis.eval(body, keys.length, ...keys, ...args.map(String));
  }

  async evalsha(sha: string, keys: string[], args: unknown[]): Promise<unknown> {
    const mapped = this.stripped.get(sha);
    if (mapped === undefined) throw new Error("NOSCRIPT script not loaded through this adapter yet");
    return this.redis.evalsha(mapped, keys.length, ...keys, ...args.map(String));
  }

  async get(key: string): Promise<string | null> {
    return this.redis.get(key);
  }

  async set(key: string, value: string): Promise<string | null> {
    return this.redis.set(key, value);
  }
}

export interface RedisRateLimiterOptions {
  url: string;
  timeoutMs: number;
  failMode: "open" | "closed";
  onDegraded?: (error: unknown) => void;
}

function timeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`redis did not answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, limit]).finally(() => clearTimeout(timer));
}

/**
 * Shared limits for any number of replicas: @upstash/ratelimit's sliding window in Redis.
 * When Redis fails or is slower than the timeout, the declared policy decides: "open" lets the
 * request through (Nginx's limit_req still caps abuse), "closed" answers 503.
 */
export class RedisRateLimiter implements RateLimiter {
  readonly kind = "redis";
  readonly redis: IORedis;
  private readonly adapter: UpstashRedisAdapter;
  private readonly limiters = new Map<string, Ratelimit>();

  constructor(private readonly options: RedisRateLimiterOptions) {
    this.redis = new IORedis(options.url, {
      commandTimeout: options.timeoutMs,
      connectTimeout: Math.max(1000, options.timeoutMs),
      // Commands wait for a connection (the first one, or after a reconnect) but are failed as
      // soon as a reconnect attempt fails, and check() bounds every wait with its own timeout.
      maxRetriesPerRequest: 0,
      enableOfflineQueue: true,
      retryStrategy: (times) => Math.min(times * 200, 2000),
      lazyConnect: false,
    });
    this.redis.on("error", () => {}); // reconnects are logged by the readiness probe, not per event
    this.adapter = new UpstashRedisAdapter(this.redis);
  }

  private limiter(rule: RateLimitRule): Ratelimit {
    const id = `${rule.limit}/${rule.windowS}`;
    let limiter = this.limiters.get(id);
    if (limiter === undefined) {
      limiter = new Ratelimit({
        // The adapter implements the four calls Ratelimit makes; its type wants the whole client.
        redis: this.adapter as unknown as ConstructorParameters<typeof Ratelimit>[0]["redis"],
        limiter: Ratelimit.slidingWindow(rule.limit, `${rule.windowS} s`),
        prefix: `docstack:rl:${id}`,
        // No per-process cache: it would let replicas disagree about a blocked key.
        ephemeralCache: false,
        // Upstash's own timeout always fails open; ours applies the configured policy.
        timeout: 0,
        analytics: false,
      });
      this.limiters.set(id, limiter);
    }
    return limiter;
  }

  async check(key: string, rule: RateLimitRule): Promise<RateLimitDecision> {
    try {
      const r = await timeout(this.limiter(rule).limit(key), this.options.timeoutMs);
      return { allowed: r.success, limit: r.limit, remaining: r.remaining, reset: r.reset };
    } catch (error) {
      this.options.onDegraded?.(error);
      if (this.options.failMode === "closed") {
        throw new ApiError("service_unavailable", "Rate limiter unavailable; retry later", {
          retryAfter: 1,
          cause: error,
        });
      }
      return {
        allowed: true,
        limit: rule.limit,
        remaining: rule.limit,
        reset: Date.now() + rule.windowS * 1000,
      };
    }
  }

  async ping(): Promise<void> {
    await timeout(this.redis.ping(), this.options.timeoutMs);
  }

  async close(): Promise<void> {
    this.redis.disconnect();
  }
}
