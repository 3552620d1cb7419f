import { type OpenAPIHono, z } from "@hono/zod-openapi";
import { recordFeedback } from "../../../shared/analytics/record-feedback.js";
import type { AppEnv } from "../../../shared/http/create-app.js";
import { problemResponses } from "../../../shared/http/problem-schema.js";
import { policyRoute, rateLimited, requireKey } from "../../../shared/http/route-policy.js";

const FeedbackBody = z.object({
  collection_id: z.uuid().openapi({ description: "The collection the query searched" }),
  helpful: z.boolean(),
  document_id: z.uuid().optional().openapi({ description: "The document the feedback is about, if one" }),
});

export const postFeedbackRoute = policyRoute({
  method: "post",
  path: "/query/{query_id}/feedback",
  operationId: "postQueryFeedback",
  tags: ["query"],
  summary: "Say whether a query's answer helped",
  description:
    "Feedback on the answer of a query (its `query_id` from POST /query), counted by the retrieval analytics. " +
    "The same query may get feedback more than once (from each user shown the answer).",
  middleware: [requireKey("read"), rateLimited("default")],
  request: {
    params: z.object({ query_id: z.uuid() }),
    body: { required: true, content: { "application/json": { schema: FeedbackBody } } },
  },
  responses: {
    201: {
      description: "Recorded",
      content: {
        "application/json": {
          schema: z.object({
            query_id: z.uuid(),
            collection_id: z.uuid(),
            helpful: z.boolean(),
            document_id: z.uuid().nullable(),
          }),
        },
      },
    },
    ...problemResponses("bad_request", "not_found", "validation_failed", "service_unavailable"),
  },
});

export function registerPostFeedback(app: OpenAPIHono<AppEnv>) {
  app.openapi(postFeedbackRoute, async (c) => {
    const { query_id } = c.req.valid("param");
    const body = c.req.valid("json");
    await recordFeedback(c.var.deps, c.var.principal, {
      queryId: query_id,
      collectionId: body.collection_id,
      helpful: body.helpful,
      ...(body.document_id === undefined ? {} : { documentId: body.document_id }),
    });
    return c.json(
      {
        query_id,
        collection_id: body.collection_id,
        helpful: body.helpful,
        document_id: body.document_id ?? null,
      },
      201,
    );
  });
}
