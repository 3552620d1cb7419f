import type { OpenAPIHono } from "@hono/zod-openapi";
import { documentView } from "../../../shared/documents/document-row.js";
import { getDocument } from "../../../shared/documents/find-documents.js";
import type { AppEnv } from "../../../shared/http/create-app.js";
import { problemResponses } from "../../../shared/http/problem-schema.js";
import { policyRoute, rateLimited, requireKey } from "../../../shared/http/route-policy.js";
import { IdParams } from "../../../shared/http/schemas/common.js";
import { DocumentSchema } from "../../../shared/http/schemas/document-schema.js";

export const getDocumentRoute = policyRoute({
  method: "get",
  path: "/documents/{id}",
  operationId: "getDocument",
  tags: ["upload"],
  summary: "Get a document's metadata and index status",
  middleware: [requireKey("read"), rateLimited("default")],
  request: { params: IdParams },
  responses: {
    200: { description: "The document", content: { "application/json": { schema: DocumentSchema } } },
    ...problemResponses("not_found", "validation_failed"),
  },
});

export function registerGetDocument(app: OpenAPIHono<AppEnv>) {
  app.openapi(getDocumentRoute, async (c) => {
    const doc = await getDocument(c.var.deps.db, c.var.principal, c.req.valid("param").id);
    return c.json(documentView(doc), 200);
  });
}
