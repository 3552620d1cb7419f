import type { OpenAPIHono } from "@hono/zod-openapi";
import { documentView } from "../../../shared/documents/document-row.js";
import type { AppEnv } from "../../../shared/http/create-app.js";
import { problemResponses } from "../../../shared/http/problem-schema.js";
import { policyRoute, rateLimited, requireKey } from "../../../shared/http/route-policy.js";
import { IdParams } from "../../../shared/http/schemas/common.js";
import { DocumentSchema } from "../../../shared/http/schemas/document-schema.js";
import { reindexDocument } from "../../../shared/indexing/reindex-document.js";

export const reindexDocumentRoute = policyRoute({
  method: "post",
  path: "/documents/{id}/reindex",
  operationId: "reindexDocument",
  tags: ["index"],
  summary: "Queue a document for indexing again",
  description:
    "Sets the document back to pending, as new (for example after a failure): attempts reset, any run still " +
    "working on it discards its result, and the next run replaces its chunks and vectors.",
  middleware: [requireKey("write"), rateLimited("default")],
  request: { params: IdParams },
  responses: {
    202: { description: "Queued", content: { "application/json": { schema: DocumentSchema } } },
    ...problemResponses("not_found", "validation_failed", "service_unavailable"),
  },
});

export function registerReindexDocument(app: OpenAPIHono<AppEnv>) {
  app.openapi(reindexDocumentRoute, async (c) => {
    const row = await reindexDocument(c.var.deps.db, c.var.principal, c.req.valid("param").id);
    return c.json(documentView(row), 202);
  });
}
