import { type OpenAPIHono, z } from "@hono/zod-openapi";
import { indexStatusWithProgress } from "../../../shared/documents/index-progress.js";
import type { AppEnv } from "../../../shared/http/create-app.js";
import { problemResponses } from "../../../shared/http/problem-schema.js";
import { policyRoute, rateLimited, requireKey } from "../../../shared/http/route-policy.js";

export const getIndexStatusRoute = policyRoute({
  method: "get",
  path: "/index/status",
  operationId: "getIndexStatus",
  tags: ["index"],
  summary: "Document counts per index state, and indexing progress",
  description:
    "For one collection, or (with a key not limited to some collections) for all of them: how many documents are in " +
    "each state, how many are done (indexed or failed), the recent indexing rate and the time left at that rate.",
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
            progress: z.object({
              done: z.number().int().openapi({ description: "Documents indexed or failed" }),
              total: z.number().int(),
              indexed_per_minute: z
                .number()
                .nullable()
                .openapi({
                  description:
                    "Documents indexed per minute over the last window_seconds, from the first indexed in it to now; " +
                    "null until two were",
                  example: 42.5,
                }),
              eta_seconds: z.number().int().nullable().openapi({
                description:
                  "Seconds until the pending and indexing documents are done at that rate; 0 when none are left, null without a rate",
              }),
              window_seconds: z.number().int().openapi({ example: 300 }),
            }),
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
    return c.json(await indexStatusWithProgress(c.var.deps.db, c.var.principal, collection_id), 200);
  });
}
