import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { audit } from "../../../shared/audit/audit-log.js";
import { assertCollection } from "../../../shared/auth/principal.js";
import { getCollection } from "../../../shared/collections/collections.js";
import { cleanFilename } from "../../../shared/documents/clean-filename.js";
import { documentView } from "../../../shared/documents/document-row.js";
import { type ReceivedObject, receiveObject, recordUpload } from "../../../shared/documents/store-upload.js";
import { ApiError } from "../../../shared/errors/api-error.js";
import type { AppContext, AppEnv } from "../../../shared/http/create-app.js";
import { fileOfFailure, parseMultipart } from "../../../shared/http/multipart.js";
import { problemResponses } from "../../../shared/http/problem-schema.js";
import { DocumentSchema } from "../../../shared/http/schemas/document-schema.js";
import {
  MetadataFieldSchema,
  metadataFieldDescription,
} from "../../../shared/http/schemas/metadata-schema.js";

const UploadFields = z.object({
  collection_id: z.uuid(),
  metadata: MetadataFieldSchema,
  on_duplicate: z.enum(["skip", "replace", "error"]).default("skip"),
});

const UploadForm = z.object({
  file: z
    .string()
    .openapi({ type: "string", format: "binary", description: "PDF, DOCX, TXT, MD, HTML or CSV" }),
  collection_id: z.uuid(),
  metadata: z
    .string()
    .optional()
    .openapi({ description: metadataFieldDescription, example: '{"department":"planning"}' }),
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

export const uploadDocumentRoute = createRoute({
  method: "post",
  path: "/documents",
  operationId: "uploadDocument",
  tags: ["upload"],
  summary: "Upload a document",
  description:
    "Streams the file to the object store while hashing it. The type is checked by content (magic bytes), not only " +
    "by name. The file part may come before or after the other fields.",
  request: { body: { required: true, content: { "multipart/form-data": { schema: UploadForm } } } },
  responses: {
    201: {
      description: "Stored; indexing is pending",
      content: { "application/json": { schema: UploadResponse } },
      // For clients and stateful contract tests: what can be done with the new document.
      links: {
        GetDocument: { operationId: "getDocument", parameters: { id: "$response.body#/document/id" } },
        GetDownloadUrl: { operationId: "getDownloadUrl", parameters: { id: "$response.body#/document/id" } },
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

/** The form's fields (at most 20 of 64 KiB) and part headers, beside the file itself. */
const FORM_OVERHEAD_BYTES = 2 * 1024 * 1024;

async function handleUpload(c: AppContext) {
  const deps = c.var.deps;
  const { objects, config, db } = deps;
  // A body that says it is larger than the file limit plus room for the form's small fields is
  // refused before any of it is read. One sent without a length is counted as it streams.
  const declared = Number(c.req.header("content-length"));
  if (Number.isFinite(declared) && declared > config.MAX_UPLOAD_BYTES + FORM_OVERHEAD_BYTES) {
    throw new ApiError(
      "payload_too_large",
      `The request declares ${declared} bytes; files are limited to ${config.MAX_UPLOAD_BYTES} bytes`,
    );
  }
  let received: ReceivedObject | undefined;
  try {
    const parsed = await parseMultipart(
      c.req.raw,
      { maxFileBytes: config.MAX_UPLOAD_BYTES, maxFieldBytes: 64 * 1024 },
      (file) => {
        if (file.field !== "file")
          throw new ApiError("bad_request", `The file must be sent in the "file" field, not "${file.field}"`);
        return receiveObject(
          objects,
          // Paths, control characters and direction overrides go (an empty name is refused below).
          { filename: cleanFilename(file.filename) ?? "", declaredType: file.mimeType, stream: file.stream },
          config.MAX_UPLOAD_BYTES,
        );
      },
    );
    if (parsed.file?.status === "rejected") throw parsed.file.reason;
    received = parsed.file?.value;
    const fields = UploadFields.safeParse(parsed.fields);
    if (!fields.success) {
      throw new ApiError("validation_failed", "The form fields are invalid", {
        errors: fields.error.issues.map((i) => ({ path: i.path.join(".") || "(form)", message: i.message })),
      });
    }
    if (received === undefined) {
      throw new ApiError("bad_request", 'No file: send the document in a multipart field named "file"');
    }
    if (received.filename.length === 0 || received.filename.length > 1000) {
      throw new ApiError("bad_request", "The file part needs a filename of 1 to 1000 characters");
    }
    const { principal } = c.var;
    assertCollection(principal, fields.data.collection_id);
    const collection = await getCollection(db, fields.data.collection_id);
    const result = await recordUpload(deps, received, {
      collection,
      metadata: fields.data.metadata,
      onDuplicate: fields.data.on_duplicate,
      actor: principal.name,
      apiKeyName: principal.kind === "key" ? principal.name : null,
    });
    received = undefined; // recordUpload owns the object from here
    if (result.outcome !== "duplicate") {
      await audit(db, {
        actor: principal.name,
        action: result.outcome === "replaced" ? "document.replace" : "document.upload",
        target: result.document.id,
        details: {
          filename: result.document.filename,
          sha256: result.document.sha256,
          replaced: result.replacedId,
        },
      });
    }
    const body = {
      document: documentView(result.document),
      outcome: result.outcome,
      ...(result.replacedId === undefined ? {} : { replaced_id: result.replacedId }),
    };
    return c.json(body, result.outcome === "duplicate" ? 200 : 201);
  } catch (error) {
    const stored =
      received ??
      (fileOfFailure<ReceivedObject>(error)?.status === "fulfilled"
        ? (fileOfFailure<ReceivedObject>(error) as PromiseFulfilledResult<ReceivedObject>).value
        : undefined);
    if (stored !== undefined) await objects.delete(stored.objectName).catch(() => {});
    throw error;
  }
}

export function registerUploadDocument(app: OpenAPIHono<AppEnv>) {
  // Documented through the registry but handled without zod's form validator, which would
  // buffer the whole file in memory before the handler runs.
  app.openAPIRegistry.registerPath(uploadDocumentRoute);
  app.post("/documents", handleUpload);
}
