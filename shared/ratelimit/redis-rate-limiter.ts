import { createHash } from "node:crypto";
import { Redis as IORedis } from "ioredis";
import { ApiError } from "../errors/api-error.js";
import { assertRule } from "./gcra.js";
import { gcraScript } from "./gcra-script.js";
import {
  type RateLimitDecision,
  type RateLimiter,
  type RateLimitRule,
  unlimitedDecision,
} from "./rate-limiter.js";

export interface RedisRateLimiterOptions {
  url: string;
  timeoutMs: number;
  failMode: "open" | "closed";
  onDegraded?: (error: unknown) => void;
  /** Key prefix; tests give each run its own. */
  prefix?: string;
}

function timeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`redis did not answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, limit]).finally(() => clearTimeout(timer));
}

interface ScriptReply {
  allowed: boolean;
  remaining: number;
  resetUs: number;
  retryAfterUs: number;
}

/** The script answers [allowed 0|1, remaining, resetUs, retryAfterUs]. */
function parseReply(reply: unknown): ScriptReply {
  if (Array.isArray(reply) && reply.length === 4) {
    const [allowed, remaining, resetUs, retryAfterUs]: unknown[] = reply;
    if (
      typeof allowed === "number" &&
      typeof remaining === "number" &&
      typeof resetUs === "number" &&
      typeof retryAfterUs === "number"
    )
      return { allowed: allowed === 1, remaining, resetUs, retryAfterUs };
  }
  throw new Error(`unexpected rate-limit script reply: ${JSON.stringify(reply)}`);
}

/**
 * Shared limits for any number of replicas: the GCRA of gcra.ts as one Redis script, decided in
 * one round trip (EVALSHA; EVAL once when Redis does not know the script yet) on Redis' clock, so
 * the replicas' clocks do not matter and no replica can admit past the bound.
 * When Redis fails or is slower than the timeout, the declared policy decides: "open" lets the
 * request through (Nginx's limit_req still caps abuse), "closed" answers 503.
 */
export class RedisRateLimiter implements RateLimiter {
  readonly kind = "redis";
  readonly redis: IORedis;
  private readonly sha = createHash("sha1").update(gcraScript).digest("hex");
  private readonly prefix: string;

  constructor(private readonly options: RedisRateLimiterOptions) {
    this.prefix = options.prefix ?? "docstack:rl";
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
  }

  /** One decision: EVALSHA, or EVAL when Redis has not cached the script (first use, restart). */
  private async decide(key: string, rule: RateLimitRule): Promise<unknown> {
    const args = [String(rule.limit), String(rule.windowS * 1_000_000)];
    try {
      return await this.redis.evalsha(this.sha, 1, key, ...args);
    } catch (error) {
      if (!(error instanceof Error && error.message.startsWith("NOSCRIPT"))) throw error;
      return await this.redis.eval(gcraScript, 1, key, ...args);
    }
  }

  async check(key: string, rule: RateLimitRule): Promise<RateLimitDecision> {
    assertRule(rule);
    try {
      // Each rule has its own bucket: a key whose limit changes starts full under the new one.
      const bucket = `${this.prefix}:${rule.limit}/${rule.windowS}:${key}`;
      const { allowed, remaining, resetUs, retryAfterUs } = parseReply(
        await timeout(this.decide(bucket, rule), this.options.timeoutMs),
      );
      return {
        allowed,
        limit: rule.limit,
        remaining,
        resetMs: Math.ceil(resetUs / 1000),
        retryAfterMs: Math.ceil(retryAfterUs / 1000),
      };
    } catch (error) {
      this.options.onDegraded?.(error);
      if (this.options.failMode === "closed") {
        throw new ApiError("service_unavailable", "Rate limiter unavailable; retry later", {
          retryAfter: 1,
          cause: error,
        });
      }
      return unlimitedDecision(rule);
    }
  }

  async ping(): Promise<void> {
    await timeout(this.redis.ping(), this.options.timeoutMs);
  }

  async close(): Promise<void> {
    this.redis.disconnect();
  }
}
