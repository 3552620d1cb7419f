import { type OpenAPIHono, z } from "@hono/zod-openapi";
import { documentView } from "../../../shared/documents/document-row.js";
import { updateDocument } from "../../../shared/documents/update-document.js";
import type { AppEnv } from "../../../shared/http/create-app.js";
import { problemResponses } from "../../../shared/http/problem-schema.js";
import { policyRoute, rateLimited, requireKey } from "../../../shared/http/route-policy.js";
import { IdParams } from "../../../shared/http/schemas/common.js";
import { DocumentSchema } from "../../../shared/http/schemas/document-schema.js";
import { FilenameSchema } from "../../../shared/http/schemas/filename-schema.js";
import {
  MetadataObjectSchema,
  metadataFieldDescription,
} from "../../../shared/http/schemas/metadata-schema.js";

// Strict: a misspelt field ("metdata") is refused, not silently dropped.
const UpdateDocumentBody = z
  .strictObject({
    metadata: MetadataObjectSchema.optional().openapi({
      description: `Replaces the document's metadata as a whole (keys left out are removed). ${metadataFieldDescription}`,
    }),
    filename: FilenameSchema.optional(),
  })
  .refine((body) => body.metadata !== undefined || body.filename !== undefined, {
    message: "Send metadata, filename or both",
  })
  .openapi({ minProperties: 1, example: { metadata: { department: "planning", year: 2025 } } });

export const updateDocumentRoute = policyRoute({
  method: "patch",
  path: "/documents/{id}",
  operationId: "updateDocument",
  tags: ["upload"],
  summary: "Change a document's metadata or file name",
  description:
    "Nothing is re-extracted or re-embedded: chunks and vectors stay, and search, filters and listings " +
    "see the new values at once (cached query answers for the collection are no longer served).",
  middleware: [requireKey("write"), rateLimited("default")],
  request: {
    params: IdParams,
    body: { required: true, content: { "application/json": { schema: UpdateDocumentBody } } },
  },
  responses: {
    200: { description: "The updated document", content: { "application/json": { schema: DocumentSchema } } },
    ...problemResponses("bad_request", "not_found", "validation_failed", "service_unavailable"),
  },
});

export function registerUpdateDocument(app: OpenAPIHono<AppEnv>) {
  app.openapi(updateDocumentRoute, async (c) => {
    const row = await updateDocument(
      c.var.deps.db,
      c.var.principal,
      c.req.valid("param").id,
      c.req.valid("json"),
    );
    return c.json(documentView(row), 200);
  });
}
