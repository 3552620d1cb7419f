import { type OpenAPIHono, z } from "@hono/zod-openapi";
import type { AppEnv } from "../../../shared/http/create-app.js";
import { problemResponses } from "../../../shared/http/problem-schema.js";
import { policyRoute, rateLimited, requireKey } from "../../../shared/http/route-policy.js";
import { indexStatus } from "../../../shared/indexing/index-status.js";

export const getIndexStatusRoute = policyRoute({
  method: "get",
  path: "/index/status",
  operationId: "getIndexStatus",
  tags: ["index"],
  summary: "Document counts per index state",
  description: "For one collection, or (with a key not limited to some collections) for all of them.",
  middleware: [requireKey("read"), rateLimited("default")],
  request: { query: z.object({ collection_id: z.uuid().optional() }) },
  responses: {
    200: {
      description: "Counts",
      content: {
        "application/json": {
          schema: z.object({
            collection_id: z.uuid().nullable(),
            counts: z.object({
              pending: z.number().int(),
              indexing: z.number().int(),
              indexed: z.number().int(),
              failed: z.number().int(),
            }),
            total: z.number().int(),
            chunks: z.number().int(),
          }),
        },
      },
    },
    ...problemResponses("not_found", "validation_failed"),
  },
});

export function registerGetIndexStatus(app: OpenAPIHono<AppEnv>) {
  app.openapi(getIndexStatusRoute, async (c) => {
    const { collection_id } = c.req.valid("query");
    return c.json(await indexStatus(c.var.deps.db, c.var.principal, collection_id), 200);
  });
}
