import { z } from "@hono/zod-openapi";
import { TimestampSchema } from "./timestamp.js";

/** The range and collection every analytics route reads. */
export const AnalyticsRangeQuery = z.object({
  from: TimestampSchema.optional().openapi({
    description: "Start of the range (inclusive); `to` minus 7 days when absent",
  }),
  to: TimestampSchema.optional().openapi({
    description:
      "End of the range (exclusive); now when absent. A range longer than 366 days is cut to the last 366; a `from` not before `to` reads an empty range. The answer names the range it read.",
  }),
  collection_id: z.uuid().optional().openapi({
    description: "One collection; all of them when absent (a key limited to some collections must name one)",
  }),
});

export const AnalyticsRangeView = {
  from: z.string().openapi({ format: "date-time" }),
  to: z.string().openapi({ format: "date-time" }),
  collection_id: z.uuid().nullable(),
};

/** The validated query as the analytics use cases take it. */
export function rangeInput(q: z.infer<typeof AnalyticsRangeQuery>): {
  from?: string;
  to?: string;
  collectionId?: string;
} {
  return {
    ...(q.from === undefined ? {} : { from: q.from }),
    ...(q.to === undefined ? {} : { to: q.to }),
    ...(q.collection_id === undefined ? {} : { collectionId: q.collection_id }),
  };
}
