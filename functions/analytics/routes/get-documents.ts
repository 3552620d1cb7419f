import { type OpenAPIHono, z } from "@hono/zod-openapi";
import { documentUsage } from "../../../shared/analytics/document-usage.js";
import type { AppEnv } from "../../../shared/http/create-app.js";
import { problemResponses } from "../../../shared/http/problem-schema.js";
import { policyRoute, rateLimited, requireKey } from "../../../shared/http/route-policy.js";
import {
  AnalyticsRangeQuery,
  AnalyticsRangeView,
  rangeInput,
} from "../../../shared/http/schemas/analytics-range.js";
import { queryInteger } from "../../../shared/http/schemas/common.js";

const DocumentRef = {
  document_id: z.uuid(),
  collection_id: z.uuid(),
  filename: z.string(),
};

export const getDocumentsRoute = policyRoute({
  method: "get",
  path: "/analytics/documents",
  operationId: "getDocumentAnalytics",
  tags: ["analytics"],
  summary: "Documents retrieved most, and indexed documents never retrieved",
  description:
    "Over a time range: the documents most queries returned (each counted once per query), and indexed documents " +
    "that no query returned, oldest first.",
  middleware: [requireKey("read"), rateLimited("default")],
  request: { query: AnalyticsRangeQuery.extend({ limit: queryInteger({ min: 1, max: 100, default: 20 }) }) },
  responses: {
    200: {
      description: "The two lists",
      content: {
        "application/json": {
          schema: z.object({
            ...AnalyticsRangeView,
            noise_epsilon: z.number().nullable().openapi({
              description: "ANALYTICS_EPSILON: the counts carry Laplace noise of scale 1/ε; null: exact",
            }),
            most_retrieved: z.array(z.object({ ...DocumentRef, queries: z.number().int() })),
            never_retrieved: z.array(z.object(DocumentRef)),
          }),
        },
      },
    },
    ...problemResponses("not_found", "validation_failed"),
  },
});

export function registerGetDocuments(app: OpenAPIHono<AppEnv>) {
  app.openapi(getDocumentsRoute, async (c) => {
    const q = c.req.valid("query");
    return c.json(
      await documentUsage(c.var.deps, c.var.principal, { ...rangeInput(q), limit: q.limit }),
      200,
    );
  });
}
