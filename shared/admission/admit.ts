import type { MiddlewareHandler } from "hono";
import { matchedRoutes } from "hono/route";
import type { Deps } from "../deps/deps.js";
import { ApiError } from "../errors/api-error.js";
import type { AppEnv } from "../http/create-app.js";
import { declaredLimit } from "../http/route-policy.js";
import { isFunctionName } from "../http/route-table.js";
import type { RouteClass } from "../ratelimit/rate-limiter.js";
import { AdmissionControl } from "./admission-control.js";
import { admissionShed, registerAdmission } from "./admission-metrics.js";
import type { Pressure } from "./gradient-limit.js";

/**
 * Uploads are not gated: an upload lasts as long as its client takes to send the file, so its
 * time says nothing about this process's load; the per-key upload rate and Nginx's per-address
 * limit bound them instead.
 */
const gatedClasses: readonly RouteClass[] = ["query", "default"];

function pressureOf(deps: Deps): () => Pressure {
  return () => ({
    poolWaiting: deps.db.poolStats?.().waiting ?? 0,
    breakerProbing: deps.breakerStates?.().some((s) => s === "half_open") ?? false,
  });
}

/**
 * Adaptive admission control for one function's app, per route class (shared/admission/
 * gradient-limit.ts says how the limit moves). It runs before authentication, parsing and the
 * rate limiter: a refused request costs no database round trip. Routes that declare themselves
 * not rate limited (liveness, readiness, /healthz, /metrics, the contract) are never refused.
 */
export function admission(functionName: string, deps: Deps): MiddlewareHandler<AppEnv> {
  const { config } = deps;
  // The embedded server's fallback app answers only unmatched paths and its own probes.
  if (config.ADMISSION === "off" || !isFunctionName(functionName)) return (_c, next) => next();
  const pressure = pressureOf(deps);
  const controls = new Map<RouteClass, AdmissionControl>();
  for (const routeClass of gatedClasses) {
    const control = new AdmissionControl(pressure, {
      minLimit: config.ADMISSION_MIN_LIMIT,
      maxLimit: config.ADMISSION_MAX_LIMIT,
      // No congestion seen yet, so nothing to refuse: the limit comes down when latency says so.
      initialLimit: config.ADMISSION_MAX_LIMIT,
      baselineIntervalMs: config.ADMISSION_BASELINE_INTERVAL_S * 1000,
    });
    controls.set(routeClass, control);
    registerAdmission(functionName, routeClass, control);
  }
  return async (c, next) => {
    // No declared policy: nothing matched (a 404) or a method not allowed, both answered at once.
    const limit = matchedRoutes(c)
      .map((r) => declaredLimit(r.handler))
      .find((l) => l !== undefined);
    if (limit?.kind !== "limited") return next();
    const control = controls.get(limit.routeClass);
    if (control === undefined) return next();
    const ticket = control.tryAcquire();
    if (ticket === undefined) {
      admissionShed({ function: functionName, class: limit.routeClass });
      throw new ApiError("overloaded", "This service is at its concurrency limit; retry shortly", {
        retryAfter: 1,
      });
    }
    try {
      await next();
    } finally {
      // Only answered requests time the process: a client's mistake (4xx) is fast, and a
      // dependency's failure (5xx: a breaker open, a timeout) says nothing of this process's load.
      ticket.release(c.res.status < 400);
    }
  };
}
