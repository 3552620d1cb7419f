import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import type { AppEnv } from "../../../shared/http/create-app.js";

export const getLivenessRoute = createRoute({
  method: "get",
  path: "/health",
  operationId: "getLiveness",
  tags: ["health"],
  summary: "Liveness: the process answers (touches no dependency)",
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
