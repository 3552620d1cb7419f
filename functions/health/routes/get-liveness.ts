import { type OpenAPIHono, z } from "@hono/zod-openapi";
import type { AppEnv } from "../../../shared/http/create-app.js";
import { notRateLimited, policyRoute, publicAccess } from "../../../shared/http/route-policy.js";

export const getLivenessRoute = policyRoute({
  method: "get",
  path: "/health",
  operationId: "getLiveness",
  tags: ["health"],
  summary: "Liveness: the process answers (touches no dependency)",
  middleware: [
    publicAccess("orchestrators and load balancers probe it without credentials"),
    notRateLimited("probes must always get an answer"),
  ],
  responses: {
    200: {
      description: "Alive",
      content: { "application/json": { schema: z.object({ status: z.literal("ok") }) } },
    },
  },
});

export function registerGetLiveness(app: OpenAPIHono<AppEnv>) {
  app.openapi(getLivenessRoute, (c) => c.json({ status: "ok" as const }, 200));
}
