import type { OpenAPIHono } from "@hono/zod-openapi";
import { deleteDocument } from "../../../shared/documents/delete-document.js";
import type { AppEnv } from "../../../shared/http/create-app.js";
import { problemResponses } from "../../../shared/http/problem-schema.js";
import { policyRoute, rateLimited, requireKey } from "../../../shared/http/route-policy.js";
import { IdParams } from "../../../shared/http/schemas/common.js";

export const deleteDocumentRoute = policyRoute({
  method: "delete",
  path: "/documents/{id}",
  operationId: "deleteDocument",
  tags: ["upload"],
  summary: "Delete a document everywhere",
  description:
    "Removes the row, its chunks, its vectors and its object. If a store is unavailable the answer is 503, " +
    "the document stays hidden and marked for deletion, and a retry (or the index worker) finishes the job.",
  middleware: [requireKey("write"), rateLimited("default")],
  request: { params: IdParams },
  responses: {
    204: { description: "Deleted from every store" },
    ...problemResponses("not_found", "validation_failed", "service_unavailable"),
  },
});

export function registerDeleteDocument(app: OpenAPIHono<AppEnv>) {
  app.openapi(deleteDocumentRoute, async (c) => {
    await deleteDocument(c.var.deps, c.var.principal, c.req.valid("param").id);
    return c.body(null, 204);
  });
}
