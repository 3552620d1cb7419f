import { type OpenAPIHono, z } from "@hono/zod-openapi";
import { documentView } from "../../../shared/documents/document-row.js";
import { uploadDocument } from "../../../shared/documents/upload-document.js";
import { ApiError } from "../../../shared/errors/api-error.js";
import type { AppEnv } from "../../../shared/http/create-app.js";
import { problemResponses } from "../../../shared/http/problem-schema.js";
import {
  policyRoute,
  rateLimited,
  registerUnvalidatedRoute,
  requireKey,
} from "../../../shared/http/route-policy.js";
import { DocumentSchema } from "../../../shared/http/schemas/document-schema.js";
import {
  MetadataFieldSchema,
  metadataComponents,
  metadataObjectContract,
} from "../../../shared/http/schemas/metadata-schema.js";

// Strict: a misspelt field ("metdata") is refused, not silently dropped.
const UploadFields = z.strictObject({
  collection_id: z.uuid(),
  metadata: MetadataFieldSchema,
  on_duplicate: z.enum(["skip", "replace", "error"]).default("skip"),
});

const UploadForm = z.strictObject({
  file: z.string().openapi({
    type: "string",
    format: "binary",
    minLength: 1,
    description:
      "PDF (scanned pages are OCR'd), DOCX, XLSX, PPTX, ODT, ODS, ODP, RTF, EML, TXT, MD, HTML, CSV (TSV), or a PNG, JPEG or TIFF image (OCR'd), each checked by its content; text files in any encoding (byte order mark, HTML declaration, UTF-8 or detected); not empty",
  }),
  collection_id: z.uuid(),
  // Sent as a JSON part (the encoding below says so): generated clients serialise an object.
  metadata: z.record(z.string(), z.unknown()).optional().meta(metadataObjectContract),
  on_duplicate: z.enum(["skip", "replace", "error"]).optional().openapi({
    description:
      "When a file with the same SHA-256 is already in the collection: return it (skip), replace it, or 409 (error)",
  }),
});

const UploadResponse = z.object({
  document: DocumentSchema,
  outcome: z.enum(["created", "duplicate", "replaced"]),
  replaced_id: z.uuid().optional(),
});

export const uploadDocumentRoute = policyRoute({
  method: "post",
  path: "/documents",
  operationId: "uploadDocument",
  tags: ["upload"],
  summary: "Upload a document",
  description:
    "Streams the file to the object store while hashing it. The type is checked by content (magic bytes), not only " +
    "by name. The file part may come before or after the other fields.",
  middleware: [requireKey("write"), rateLimited("upload")],
  request: {
    body: {
      required: true,
      content: {
        "multipart/form-data": {
          schema: UploadForm,
          // The metadata part is JSON text; say so, so clients send it with that type.
          encoding: { metadata: { contentType: "application/json" } },
        },
      },
    },
  },
  responses: {
    201: {
      description: "Stored; indexing is pending",
      content: { "application/json": { schema: UploadResponse } },
      // For clients and stateful contract tests: what can be done with the new document.
      links: {
        GetDocument: { operationId: "getDocument", parameters: { id: "$response.body#/document/id" } },
        GetDownloadUrl: { operationId: "getDownloadUrl", parameters: { id: "$response.body#/document/id" } },
        UpdateDocument: { operationId: "updateDocument", parameters: { id: "$response.body#/document/id" } },
        ReindexDocument: {
          operationId: "reindexDocument",
          parameters: { id: "$response.body#/document/id" },
        },
        DeleteDocument: { operationId: "deleteDocument", parameters: { id: "$response.body#/document/id" } },
      },
    },
    200: {
      description: "Same content already in the collection (on_duplicate=skip)",
      content: { "application/json": { schema: UploadResponse } },
    },
    ...problemResponses(
      "bad_request",
      "not_found",
      "conflict",
      "payload_too_large",
      "unsupported_media_type",
      "validation_failed",
      "service_unavailable",
    ),
  },
});

function parseFields(fields: Record<string, string>): z.infer<typeof UploadFields> {
  const parsed = UploadFields.safeParse(fields);
  if (parsed.success) return parsed.data;
  throw new ApiError("validation_failed", "The form fields are invalid", {
    errors: parsed.error.issues.map((i) => ({ path: i.path.join(".") || "(form)", message: i.message })),
  });
}

export function registerUploadDocument(app: OpenAPIHono<AppEnv>) {
  for (const [name, schema] of Object.entries(metadataComponents))
    app.openAPIRegistry.registerComponent(
      "schemas",
      name,
      schema as Parameters<typeof app.openAPIRegistry.registerComponent>[2],
    );
  // zod's form validator would buffer the whole file in memory before the handler runs: the
  // use case streams the body itself.
  registerUnvalidatedRoute(app, uploadDocumentRoute, async (c) => {
    const result = await uploadDocument(c.var.deps, c.var.principal, c.req.raw, parseFields);
    const body = {
      document: documentView(result.document),
      outcome: result.outcome,
      ...(result.replacedId === undefined ? {} : { replaced_id: result.replacedId }),
    };
    return c.json(body, result.outcome === "duplicate" ? 200 : 201);
  });
}
