import { type OpenAPIHono, z } from "@hono/zod-openapi";
import { queryGroups } from "../../../shared/analytics/query-groups.js";
import type { AppEnv } from "../../../shared/http/create-app.js";
import { problemResponses } from "../../../shared/http/problem-schema.js";
import { policyRoute, rateLimited, requireKey } from "../../../shared/http/route-policy.js";
import {
  AnalyticsRangeQuery,
  AnalyticsRangeView,
  rangeInput,
} from "../../../shared/http/schemas/analytics-range.js";
import { queryInteger } from "../../../shared/http/schemas/common.js";

const Group = z.object({
  query_hash: z
    .string()
    .openapi({ description: "Keyed hash of the question's normal form: the group's name" }),
  queries: z.number().int(),
  text: z
    .string()
    .nullable()
    .openapi({ description: "The question, where its collection keeps texts (full)" }),
});

export const getQueriesRoute = policyRoute({
  method: "get",
  path: "/analytics/queries",
  operationId: "getQueryAnalytics",
  tags: ["analytics"],
  summary: "The questions asked most, and those that found nothing",
  description:
    "Queries grouped by their normalised text (case, spacing and Unicode forms aside), for collections whose " +
    "analytics_text is hashed or full. A group appears only when it holds at least ANALYTICS_MIN_COUNT queries " +
    "(min_count): a question asked by few may tell who asked it. hidden_groups counts the groups below it; " +
    "queries_without_text the queries of collections that keep no text.",
  middleware: [requireKey("read"), rateLimited("default")],
  request: { query: AnalyticsRangeQuery.extend({ limit: queryInteger({ min: 1, max: 100, default: 20 }) }) },
  responses: {
    200: {
      description: "The groups",
      content: {
        "application/json": {
          schema: z.object({
            ...AnalyticsRangeView,
            noise_epsilon: z.number().nullable().openapi({
              description: "ANALYTICS_EPSILON: the counts carry Laplace noise of scale 1/ε; null: exact",
            }),
            min_count: z.number().int(),
            top: z.array(Group),
            unanswered: z.array(Group),
            hidden_groups: z.number().int(),
            queries_without_text: z.number().int(),
          }),
        },
      },
    },
    ...problemResponses("not_found", "validation_failed"),
  },
});

export function registerGetQueries(app: OpenAPIHono<AppEnv>) {
  app.openapi(getQueriesRoute, async (c) => {
    const q = c.req.valid("query");
    return c.json(await queryGroups(c.var.deps, c.var.principal, { ...rangeInput(q), limit: q.limit }), 200);
  });
}
