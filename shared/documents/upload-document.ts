import { assertCollection, type Principal } from "../auth/principal.js";
import { getCollection } from "../collections/collections.js";
import type { Deps } from "../deps/deps.js";
import { ApiError } from "../errors/api-error.js";
import { fileOfFailure, parseMultipart } from "../http/multipart.js";
import { cleanFilename, filenameMaxLength } from "./clean-filename.js";
import {
  type OnDuplicate,
  type ReceivedObject,
  receiveObject,
  recordUpload,
  type UploadResult,
} from "./store-upload.js";

/** The form's fields, validated by the caller's schema (422 on failure). */
export interface UploadFields {
  collection_id: string;
  metadata: Record<string, unknown>;
  on_duplicate: OnDuplicate;
}

/** The form's fields (at most 20 of 64 KiB) and part headers, beside the file itself. */
const FORM_OVERHEAD_BYTES = 2 * 1024 * 1024;
const MAX_FIELD_BYTES = 64 * 1024;

/**
 * POST /documents: streams the multipart body's file to the object store while hashing it
 * (never holding it in memory), then records the document and its audit row in one
 * transaction. The stored object is removed on every path that does not end with its row
 * committed, whatever the failure: the form, the caller's access, the collection, the database.
 */
export async function uploadDocument(
  deps: Deps,
  actor: Principal,
  request: Request,
  parseFields: (fields: Record<string, string>) => UploadFields,
): Promise<UploadResult> {
  const { objects, config, db } = deps;
  // A body that says it is larger than the file limit plus room for the form's small fields is
  // refused before any of it is read. One sent without a length is counted as it streams.
  const declared = Number(request.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > config.MAX_UPLOAD_BYTES + FORM_OVERHEAD_BYTES) {
    throw new ApiError(
      "payload_too_large",
      `The request declares ${declared} bytes; files are limited to ${config.MAX_UPLOAD_BYTES} bytes`,
    );
  }
  let received: ReceivedObject | undefined;
  try {
    const parsed = await parseMultipart(
      request,
      { maxFileBytes: config.MAX_UPLOAD_BYTES, maxFieldBytes: MAX_FIELD_BYTES },
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
    const fields = parseFields(parsed.fields);
    if (received === undefined) {
      throw new ApiError("bad_request", 'No file: send the document in a multipart field named "file"');
    }
    if (received.filename.length === 0 || received.filename.length > filenameMaxLength) {
      throw new ApiError(
        "bad_request",
        `The file part needs a filename of 1 to ${filenameMaxLength} characters`,
      );
    }
    assertCollection(actor, fields.collection_id);
    const collection = await getCollection(db, fields.collection_id);
    const stored = received;
    // recordUpload owns the object from here, on every path.
    received = undefined;
    return await recordUpload(deps, stored, {
      collection,
      metadata: fields.metadata,
      onDuplicate: fields.on_duplicate,
      actor,
    });
  } catch (error) {
    const failed = fileOfFailure<ReceivedObject>(error);
    const stored = received ?? (failed?.status === "fulfilled" ? failed.value : undefined);
    if (stored !== undefined) await objects.delete(stored.objectName).catch(() => {});
    throw error;
  }
}
