import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import type { Principal } from "../auth/principal.js";
import { parseConfig } from "../config.js";
import type { Deps } from "../deps/deps.js";
import { MemoryRateLimiter } from "../ratelimit/memory-rate-limiter.js";
import { type AppEnv, renderError } from "./create-app.js";
import { rateLimit } from "./rate-limit.js";

/** A query route behind the limiter, on a clock the test moves; `principal` calls with a key. */
function limitedApp(principal?: Principal) {
  const clock = { now: 0 };
  const deps: Pick<Deps, "config" | "limiter"> = {
    config: parseConfig({ LOG_LEVEL: "silent", RATE_LIMIT_QUERY: "3", RATE_LIMIT_WINDOW_S: "30" }),
    limiter: new MemoryRateLimiter(() => clock.now),
  };
  const app = new Hono<AppEnv>();
  app.use("*", async (c, next) => {
    c.set("deps", deps as Deps);
    if (principal) c.set("principal", principal);
    await next();
  });
  app.use("*", rateLimit("query"));
  app.post("/query", (c) => c.json({ ok: true }));
  app.onError((error, c) => renderError(c, error));
  const call = async () => {
    const r = await app.request("/query", { method: "POST" });
    return {
      status: r.status,
      limit: r.headers.get("ratelimit-limit"),
      remaining: r.headers.get("ratelimit-remaining"),
      reset: r.headers.get("ratelimit-reset"),
      retryAfter: r.headers.get("retry-after"),
    };
  };
  return { clock, call };
}

describe("rateLimit headers", () => {
  it("say what is left, when the bucket is full again, and on 429 when to retry", async () => {
    // 3 per 30 s: one request back every 10 s.
    const { clock, call } = limitedApp();
    expect(await call()).toEqual({ status: 200, limit: "3", remaining: "2", reset: "10", retryAfter: null });
    expect(await call()).toMatchObject({ status: 200, remaining: "1", reset: "20" });
    expect(await call()).toMatchObject({ status: 200, remaining: "0", reset: "30" });
    expect(await call()).toEqual({ status: 429, limit: "3", remaining: "0", reset: "30", retryAfter: "10" });
    clock.now += 9_500;
    // Half a second to go: Retry-After rounds up, so waiting it is always enough.
    expect(await call()).toMatchObject({ status: 429, retryAfter: "1", reset: "21" });
    clock.now += 500;
    expect(await call()).toMatchObject({ status: 200, remaining: "0", reset: "30" });
  });

  it("a key's own limit replaces the default", async () => {
    const { call } = limitedApp({
      name: "small",
      kind: "key",
      scopes: ["read"],
      collections: null,
      rateLimits: { query: 1 },
    });
    expect(await call()).toMatchObject({ status: 200, limit: "1", remaining: "0", reset: "30" });
    expect(await call()).toMatchObject({ status: 429, retryAfter: "30" });
  });
});
