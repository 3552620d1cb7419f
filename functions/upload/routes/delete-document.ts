import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { audit } from "../../../shared/audit/audit-log.js";
import { assertCollection } from "../../../shared/auth/principal.js";
import { sql } from "../../../shared/db/sql.js";
import { deleteDocument } from "../../../shared/documents/delete-document.js";
import type { AppEnv } from "../../../shared/http/create-app.js";
import { problemResponses } from "../../../shared/http/problem-schema.js";
import { IdParams } from "../../../shared/http/schemas/common.js";

export const deleteDocumentRoute = createRoute({
  method: "delete",
  path: "/documents/{id}",
  operationId: "deleteDocument",
  tags: ["upload"],
  summary: "Delete a document everywhere",
  description:
    "Removes the row, its chunks, its vectors and its object. If a store is unavailable the answer is 503, " +
    "the document stays hidden and marked for deletion, and a retry (or the index worker) finishes the job.",
  request: { params: IdParams },
  responses: {
    204: { description: "Deleted from every store" },
    ...problemResponses("not_found", "validation_failed", "service_unavailable"),
  },
});

export function registerDeleteDocument(app: OpenAPIHono<AppEnv>) {
  app.openapi(deleteDocumentRoute, async (c) => {
    const { db } = c.var.deps;
    const { id } = c.req.valid("param");
    // Marked documents too: a retry of a delete that failed half-way must reach them.
    const [owner] = await db.query<{ collection_id: string }>(
      sql`select collection_id from documents where id = ${id}`,
    );
    if (owner !== undefined) assertCollection(c.var.principal, owner.collection_id);
    const row = await deleteDocument(c.var.deps, id);
    await audit(db, {
      actor: c.var.principal.name,
      action: "document.delete",
      target: row.id,
      details: { filename: row.filename, sha256: row.sha256 },
    });
    return c.body(null, 204);
  });
}
