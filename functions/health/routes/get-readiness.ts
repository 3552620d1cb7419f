import { type OpenAPIHono, z } from "@hono/zod-openapi";
import { callerIsKnown } from "../../../shared/auth/authenticate.js";
import { probeDependencies } from "../../../shared/health/probe-dependencies.js";
import type { AppEnv } from "../../../shared/http/create-app.js";
import { notRateLimited, policyRoute, publicAccess } from "../../../shared/http/route-policy.js";

const Probe = z.object({
  status: z.enum(["up", "down"]),
  latency_ms: z.number(),
  adapter: z.string(),
  error: z.string().optional(),
});
const Readiness = z.object({
  status: z.enum(["ready", "not_ready", "draining"]),
  down: z.array(z.string()),
  /** Only for callers with an API key, unless HEALTH_DETAIL=public. */
  checks: z.record(z.string(), Probe).optional(),
});

export const getReadinessRoute = policyRoute({
  method: "get",
  path: "/health/ready",
  operationId: "getReadiness",
  tags: ["health"],
  summary: "Readiness: every configured dependency answers",
  description:
    "Probes the database, object store, vector store, embedder and rate limiter, each with a 2 s timeout. " +
    "Anyone gets the status and the names of what is down; the per-dependency `checks` (adapters, latencies, " +
    "errors) need an API key of any scope, unless HEALTH_DETAIL=public. Once the process serving it is " +
    "stopping (SIGTERM), it answers 503 `draining` without probing, so a load balancer sends it nothing new.",
  middleware: [
    publicAccess("orchestrators probe it without credentials; the per-dependency detail needs a key"),
    notRateLimited("probes must always get an answer"),
  ],
  responses: {
    200: { description: "All dependencies up", content: { "application/json": { schema: Readiness } } },
    503: {
      description: "Some dependency is down (named in `down`), or this process is stopping (`draining`)",
      content: { "application/json": { schema: Readiness } },
    },
  },
});

export function registerGetReadiness(app: OpenAPIHono<AppEnv>) {
  app.openapi(getReadinessRoute, async (c) => {
    c.header("cache-control", "no-store");
    if (c.var.deps.lifecycle?.draining) return c.json({ status: "draining" as const, down: [] }, 503);
    const checks = await probeDependencies(c.var.deps);
    const down = Object.entries(checks)
      .filter(([, r]) => r.status === "down")
      .map(([name]) => name);
    const status = down.length === 0 ? ("ready" as const) : ("not_ready" as const);
    const detail = c.var.deps.config.HEALTH_DETAIL === "public" || (await callerIsKnown(c));
    const body = detail ? { status, down, checks } : { status, down };
    return down.length === 0 ? c.json(body, 200) : c.json(body, 503);
  });
}
