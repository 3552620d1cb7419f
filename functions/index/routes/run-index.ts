import { type OpenAPIHono, z } from "@hono/zod-openapi";
import type { AppEnv } from "../../../shared/http/create-app.js";
import { problemResponses } from "../../../shared/http/problem-schema.js";
import { policyRoute, rateLimited, requireKey } from "../../../shared/http/route-policy.js";
import { indexPending } from "../../../shared/indexing/index-pending.js";

const RunIndexBody = z.object({
  collection_id: z.uuid().optional(),
  limit: z.number().int().min(1).max(1000).default(10),
});

export const runIndexRoute = policyRoute({
  method: "post",
  path: "/index/run",
  operationId: "runIndex",
  tags: ["index"],
  summary: "Index pending documents now",
  description:
    "Claims up to `limit` pending documents (FOR UPDATE SKIP LOCKED, so concurrent runs never take the same one), " +
    "extracts, chunks, embeds and stores them. A failing document is marked failed with its reason; one that met an " +
    "unavailable dependency is deferred (pending again, retried with backoff up to 8 s). The run goes on.",
  middleware: [requireKey("write"), rateLimited("default")],
  request: { body: { required: false, content: { "application/json": { schema: RunIndexBody } } } },
  responses: {
    200: {
      description: "What the run did",
      content: {
        "application/json": {
          schema: z.object({
            claimed: z.number().int(),
            indexed: z.number().int(),
            failed: z.number().int(),
            deferred: z.number().int(),
            documents: z.array(
              z.object({
                id: z.uuid(),
                status: z.enum(["indexed", "failed", "abandoned", "deferred"]),
                chunk_count: z.number().int(),
                error: z.string().nullable(),
              }),
            ),
          }),
        },
      },
    },
    ...problemResponses("bad_request", "not_found", "validation_failed", "service_unavailable"),
  },
});

export function registerRunIndex(app: OpenAPIHono<AppEnv>) {
  app.openapi(runIndexRoute, async (c) => {
    // The body is optional: without one (or an empty one) the validator yields nothing, so the
    // schema's defaults (limit 10) are applied here; a body that was validated parses to itself.
    const body = RunIndexBody.parse(c.req.valid("json") ?? {});
    const result = await indexPending(c.var.deps, c.var.principal, {
      limit: body.limit,
      ...(body.collection_id === undefined ? {} : { collectionId: body.collection_id }),
    });
    return c.json(result, 200);
  });
}
