import type { MiddlewareHandler } from "hono";
import { ApiError } from "../errors/api-error.js";
import { rateLimitRejections } from "../metrics/registry.js";
import type { RateLimitRule, RouteClass } from "../ratelimit/rate-limiter.js";
import { clientAddress } from "./client-address.js";
import type { AppEnv } from "./create-app.js";

/**
 * Limits each caller in one route class (routes declare theirs: shared/http/route-policy.ts):
 * uploads are the expensive writes, queries the expensive reads. A rule is a bucket of `limit`
 * requests refilled at limit/window per second. Sets the IETF RateLimit headers on every answer
 * and Retry-After on 429.
 */
export function rateLimit(routeClass: RouteClass): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const { limiter, config } = c.var.deps;
    if (limiter.kind === "off") return next();
    // Per API key when there is one (its own limits, else the defaults), per client address
    // otherwise; Nginx's per-address limit_req stays in front of both.
    const principal = c.get("principal");
    const byKey = principal?.kind === "key";
    const rule: RateLimitRule = {
      limit:
        (byKey ? principal.rateLimits[routeClass] : undefined) ??
        (routeClass === "upload"
          ? config.RATE_LIMIT_UPLOAD
          : routeClass === "query"
            ? config.RATE_LIMIT_QUERY
            : config.RATE_LIMIT_DEFAULT),
      windowS: config.RATE_LIMIT_WINDOW_S,
    };
    const key = byKey
      ? `${routeClass}:key:${principal.name}`
      : `${routeClass}:${clientAddress(c, config.TRUST_PROXY)}`;
    const decision = await limiter.check(key, rule);
    // RateLimit-Reset: seconds until the whole limit is available again; Retry-After: seconds
    // until the next request is admitted. Both rounded up, so waiting them is always enough.
    const headers = {
      "ratelimit-limit": String(decision.limit),
      "ratelimit-remaining": String(decision.remaining),
      "ratelimit-reset": String(Math.ceil(decision.resetMs / 1000)),
    };
    if (!decision.allowed) {
      rateLimitRejections({ class: routeClass, by: byKey ? "key" : "address" });
      const error = new ApiError(
        "rate_limited",
        `Rate limit of ${rule.limit} per ${rule.windowS}s exceeded`,
        { retryAfter: Math.max(1, Math.ceil(decision.retryAfterMs / 1000)) },
      );
      // Headers set before throwing survive into the error response.
      for (const [k, v] of Object.entries(headers)) c.header(k, v);
      throw error;
    }
    await next();
    for (const [k, v] of Object.entries(headers)) c.res.headers.set(k, v);
  };
}
