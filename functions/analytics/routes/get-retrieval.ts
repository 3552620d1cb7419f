import { type OpenAPIHono, z } from "@hono/zod-openapi";
import { retrievalSummary } from "../../../shared/analytics/retrieval-summary.js";
import type { AppEnv } from "../../../shared/http/create-app.js";
import { problemResponses } from "../../../shared/http/problem-schema.js";
import { policyRoute, rateLimited, requireKey } from "../../../shared/http/route-policy.js";
import {
  AnalyticsRangeQuery,
  AnalyticsRangeView,
  rangeInput,
} from "../../../shared/http/schemas/analytics-range.js";

const share = z.number().nullable().openapi({ description: "0–1; null when there is nothing to divide by" });

export const getRetrievalRoute = policyRoute({
  method: "get",
  path: "/analytics/retrieval",
  operationId: "getRetrievalAnalytics",
  tags: ["analytics"],
  summary: "How retrieval went over a time range",
  description:
    "Queries by mode, distinct documents returned, failures, queries that found nothing, cache hits, latency p50 " +
    "and p95 (the query function's own time), the mean top score of answered queries (comparable only within one " +
    "mode and embedder) and the feedback received.",
  middleware: [requireKey("read"), rateLimited("default")],
  request: { query: AnalyticsRangeQuery },
  responses: {
    200: {
      description: "The summary",
      content: {
        "application/json": {
          schema: z.object({
            ...AnalyticsRangeView,
            queries: z.number().int(),
            by_mode: z.object({
              keyword: z.number().int(),
              vector: z.number().int(),
              hybrid: z.number().int(),
            }),
            unique_documents: z.number().int(),
            failed: z.number().int(),
            zero_results: z.number().int(),
            cache_hits: z.number().int(),
            failure_rate: share,
            zero_result_rate: share,
            cache_hit_rate: share,
            latency_ms: z.object({ p50: z.number().nullable(), p95: z.number().nullable() }),
            mean_top_score: z.number().nullable(),
            feedback: z.object({ helpful: z.number().int(), not_helpful: z.number().int() }),
          }),
        },
      },
    },
    ...problemResponses("not_found", "validation_failed"),
  },
});

export function registerGetRetrieval(app: OpenAPIHono<AppEnv>) {
  app.openapi(getRetrievalRoute, async (c) => {
    const q = c.req.valid("query");
    return c.json(await retrievalSummary(c.var.deps, c.var.principal, rangeInput(q)), 200);
  });
}
