import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { audit } from "../../../shared/audit/audit-log.js";
import { assertCollection } from "../../../shared/auth/principal.js";
import { sql } from "../../../shared/db/sql.js";
import { type DocumentRow, documentView } from "../../../shared/documents/document-row.js";
import { getDocument } from "../../../shared/documents/find-documents.js";
import { ApiError } from "../../../shared/errors/api-error.js";
import type { AppEnv } from "../../../shared/http/create-app.js";
import { problemResponses } from "../../../shared/http/problem-schema.js";
import { IdParams } from "../../../shared/http/schemas/common.js";
import { DocumentSchema } from "../../../shared/http/schemas/document-schema.js";

export const reindexDocumentRoute = createRoute({
  method: "post",
  path: "/documents/{id}/reindex",
  operationId: "reindexDocument",
  tags: ["index"],
  summary: "Queue a document for indexing again",
  description:
    "Sets the document back to pending (for example after a failure); the next run replaces its chunks and vectors.",
  request: { params: IdParams },
  responses: {
    202: { description: "Queued", content: { "application/json": { schema: DocumentSchema } } },
    ...problemResponses("not_found", "validation_failed"),
  },
});

export function registerReindexDocument(app: OpenAPIHono<AppEnv>) {
  app.openapi(reindexDocumentRoute, async (c) => {
    const { db } = c.var.deps;
    const { id } = c.req.valid("param");
    assertCollection(c.var.principal, (await getDocument(db, id)).collection_id);
    // Clearing the claim token makes any run still working on it discard its result.
    const [row] = await db.query<DocumentRow>(sql`
      update documents set index_status = 'pending', index_error = null, claim_token = null
      where id = ${id} and deleted_at is null returning *`);
    if (row === undefined) throw new ApiError("not_found", `Document ${id} not found`);
    await audit(db, { actor: c.var.principal.name, action: "document.reindex", target: id });
    return c.json(documentView(row), 202);
  });
}
