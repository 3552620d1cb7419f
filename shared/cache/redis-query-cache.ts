import { Redis as IORedis } from "ioredis";
import type { QueryCache } from "./query-cache.js";

/**
 * Shared by every query replica. A cache is an optimisation: when Redis is slow or down, a get
 * is a miss and a set is skipped (after REDIS_TIMEOUT_MS at most), and the query is answered
 * from the stores. `onError` reports it (logged, counted).
 */
export class RedisQueryCache implements QueryCache {
  readonly kind = "redis";
  private readonly redis: IORedis;

  constructor(
    url: string,
    timeoutMs: number,
    private readonly onError: (error: unknown) => void = () => {},
  ) {
    this.redis = new IORedis(url, {
      commandTimeout: timeoutMs,
      maxRetriesPerRequest: 0,
      enableOfflineQueue: false,
      lazyConnect: false,
    });
    // Connection errors surface on the commands; without a listener ioredis would log each one.
    this.redis.on("error", () => {});
  }

  async get(key: string): Promise<string | undefined> {
    try {
      return (await this.redis.get(key)) ?? undefined;
    } catch (error) {
      this.onError(error);
      return undefined;
    }
  }

  async set(key: string, value: string, ttlS: number): Promise<void> {
    try {
      await this.redis.set(key, value, "EX", ttlS);
    } catch (error) {
      this.onError(error);
    }
  }

  async close(): Promise<void> {
    this.redis.disconnect();
  }
}
