import type { OpenAPIHono } from "@hono/zod-openapi";
import { getDocumentText } from "../../../shared/documents/document-text.js";
import type { AppEnv } from "../../../shared/http/create-app.js";
import { problemResponses } from "../../../shared/http/problem-schema.js";
import { policyRoute, rateLimited, requireKey } from "../../../shared/http/route-policy.js";
import { IdParams, PageQuery } from "../../../shared/http/schemas/common.js";
import { DocumentTextSchema } from "../../../shared/http/schemas/document-text-schema.js";

export const getDocumentTextRoute = policyRoute({
  method: "get",
  path: "/documents/{id}/text",
  operationId: "getDocumentText",
  tags: ["upload"],
  summary: "Get a document's extracted text and its chunks",
  description:
    "What indexing extracted and how it was chunked, with each chunk's location, paged over chunks in " +
    "order (offset and limit count chunks): the chunks search sees now, to check why a passage was or " +
    "was not found. A document not yet indexed has no chunks.",
  middleware: [requireKey("read"), rateLimited("default")],
  request: { params: IdParams, query: PageQuery },
  responses: {
    200: {
      description: "A page of the extracted text",
      content: { "application/json": { schema: DocumentTextSchema } },
    },
    ...problemResponses("not_found", "validation_failed"),
  },
});

export function registerGetDocumentText(app: OpenAPIHono<AppEnv>) {
  app.openapi(getDocumentTextRoute, async (c) => {
    const { limit, offset } = c.req.valid("query");
    const page = await getDocumentText(c.var.deps.db, c.var.principal, c.req.valid("param").id, {
      limit,
      offset,
    });
    return c.json(page, 200);
  });
}
