import createClient, { type ClientOptions } from "openapi-fetch";
import type { components, operations, paths } from "./schema.js";

export type { components, operations, paths };
export type Problem = components["schemas"]["Problem"];
export type DocstackClient = ReturnType<typeof createDocstackClient>;

/**
 * A typed client for every Docstack operation: paths, parameters, bodies and responses come from
 * the generated schema (src/schema.ts), so a call that does not match the contract does not
 * compile. Errors arrive as `error` (RFC 9457 problem details) instead of throwing.
 *
 * ```ts
 * const docstack = createDocstackClient("http://localhost:8080");
 * const { data, error } = await docstack.POST("/query", { body: { collection_id, query: "…" } });
 * ```
 */
export function createDocstackClient(baseUrl: string, options: Omit<ClientOptions, "baseUrl"> = {}) {
  return createClient<paths>({ ...options, baseUrl });
}

export interface UploadFields {
  file: Blob;
  filename: string;
  collection_id: string;
  metadata?: Record<string, unknown>;
  on_duplicate?: "skip" | "replace" | "error";
}

/** POST /documents takes multipart/form-data; this builds the form the contract describes. */
export function uploadBody(fields: UploadFields) {
  const form = new FormData();
  form.set("collection_id", fields.collection_id);
  if (fields.metadata !== undefined) form.set("metadata", JSON.stringify(fields.metadata));
  if (fields.on_duplicate !== undefined) form.set("on_duplicate", fields.on_duplicate);
  form.set("file", fields.file, fields.filename);
  return {
    // The typed body is what the schema declares; the serializer sends the real form.
    body: { collection_id: fields.collection_id, file: fields.filename },
    bodySerializer: () => form,
  };
}
