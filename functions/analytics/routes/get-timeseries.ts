import { type OpenAPIHono, z } from "@hono/zod-openapi";
import { queryTimeseries } from "../../../shared/analytics/query-timeseries.js";
import type { AppEnv } from "../../../shared/http/create-app.js";
import { problemResponses } from "../../../shared/http/problem-schema.js";
import { policyRoute, rateLimited, requireKey } from "../../../shared/http/route-policy.js";
import {
  AnalyticsRangeQuery,
  AnalyticsRangeView,
  rangeInput,
} from "../../../shared/http/schemas/analytics-range.js";

const latency = z.object({ p50: z.number().nullable(), p95: z.number().nullable() });

export const getTimeseriesRoute = policyRoute({
  method: "get",
  path: "/analytics/timeseries",
  operationId: "getAnalyticsTimeseries",
  tags: ["analytics"],
  summary: "Queries per hour or per day",
  description:
    "Every UTC hour or day of the range, zeros included: queries, failures, queries that found nothing, cache hits " +
    "and latency. 2,000 points at most: a longer range is cut to the last 2,000 buckets before `to`.",
  middleware: [requireKey("read"), rateLimited("default")],
  request: { query: AnalyticsRangeQuery.extend({ bucket: z.enum(["hour", "day"]).default("day") }) },
  responses: {
    200: {
      description: "The series",
      content: {
        "application/json": {
          schema: z.object({
            ...AnalyticsRangeView,
            bucket: z.enum(["hour", "day"]),
            points: z.array(
              z.object({
                start: z.string().openapi({ format: "date-time" }),
                queries: z.number().int(),
                failed: z.number().int(),
                zero_results: z.number().int(),
                cache_hits: z.number().int(),
                latency_ms: latency,
              }),
            ),
          }),
        },
      },
    },
    ...problemResponses("not_found", "validation_failed"),
  },
});

export function registerGetTimeseries(app: OpenAPIHono<AppEnv>) {
  app.openapi(getTimeseriesRoute, async (c) => {
    const q = c.req.valid("query");
    return c.json(
      await queryTimeseries(c.var.deps, c.var.principal, { ...rangeInput(q), bucket: q.bucket }),
      200,
    );
  });
}
