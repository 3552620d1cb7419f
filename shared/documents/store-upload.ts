import { createHash } from "node:crypto";
import { audit } from "../audit/audit-log.js";
import type { Principal } from "../auth/principal.js";
import type { Collection } from "../collections/collections.js";
import type { Database } from "../db/database.js";
import { isUniqueViolation } from "../db/errors.js";
import { sql } from "../db/sql.js";
import { ApiError, dependencyUnavailable } from "../errors/api-error.js";
import type { ObjectStore } from "../storage/object-store.js";
import type { VectorStore } from "../vectors/vector-store.js";
import { purgeDocument } from "./delete-document.js";
import type { DocumentRow } from "./document-row.js";

export type OnDuplicate = "skip" | "replace" | "error";

interface UploadDeps {
  db: Database;
  objects: ObjectStore;
  vectors: VectorStore;
}

/** Enough bytes to recognise every supported format by its content. */
const headBytes = 8 * 1024;

/** Reads the first bytes, then hands back an iterable that replays them before the rest. */
async function peek(
  source: AsyncIterable<Uint8Array>,
): Promise<{ head: Uint8Array; rest: AsyncIterable<Uint8Array> }> {
  const iterator = source[Symbol.asyncIterator]();
  const parts: Uint8Array[] = [];
  let length = 0;
  let done = false;
  while (length < headBytes) {
    const next = await iterator.next();
    if (next.done) {
      done = true;
      break;
    }
    parts.push(next.value);
    length += next.value.byteLength;
  }
  const head = Buffer.concat(parts);
  const rest: AsyncIterable<Uint8Array> = {
    async *[Symbol.asyncIterator]() {
      if (head.byteLength > 0) yield head;
      if (done) return;
      for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
    },
  };
  return { head, rest };
}

export interface IncomingFile {
  filename: string;
  declaredType: string | undefined;
  stream: AsyncIterable<Uint8Array>;
}

export interface ReceivedObject {
  id: string;
  objectName: string;
  filename: string;
  contentType: string;
  size: number;
  sha256: string;
}

/**
 * Step 1: checks the type by content, then streams the bytes to the object store while hashing
 * and counting them (the file is never held in memory). Nothing is left in the store if it throws.
 */
export async function receiveObject(
  objects: ObjectStore,
  file: IncomingFile,
  maxBytes: number,
): Promise<ReceivedObject> {
  const { head, rest } = await peek(file.stream);
  if (head.byteLength === 0) throw new ApiError("bad_request", "The file is empty");
  // Loaded with the first upload, not at start: the encoding detector under it is 1.6 MB of code.
  const { decideType } = await import("../extract/detect-type.js");
  const decision = decideType(file.filename, file.declaredType, head.subarray(0, headBytes));
  if (!decision.ok) throw new ApiError("unsupported_media_type", decision.detail);

  const id = crypto.randomUUID();
  const objectName = `documents/${id}`;
  const hash = createHash("sha256");
  let size = 0;
  const hashed = (async function* () {
    for await (const chunk of rest) {
      size += chunk.byteLength;
      if (size > maxBytes)
        throw new ApiError("payload_too_large", `The file exceeds the limit of ${maxBytes} bytes`);
      hash.update(chunk);
      yield chunk;
    }
  })();
  try {
    await objects.put(objectName, hashed, decision.contentType);
  } catch (error) {
    await objects.delete(objectName).catch(() => {});
    if (error instanceof ApiError) throw error;
    throw dependencyUnavailable("The object store", error);
  }
  return {
    id,
    objectName,
    filename: file.filename,
    contentType: decision.contentType,
    size,
    sha256: hash.digest("hex"),
  };
}

export interface RecordInput {
  collection: Collection;
  metadata: Record<string, unknown>;
  onDuplicate: OnDuplicate;
  /** Who uploaded: an API key, or anonymous on a development install without keys. */
  actor: Principal;
}

export interface UploadResult {
  document: DocumentRow;
  outcome: "created" | "duplicate" | "replaced";
  replacedId?: string;
}

/**
 * Step 2: records the received object as a document, applying the duplicate policy (same
 * SHA-256 in the same collection), with its audit row in the same transaction. The object is
 * removed on every path that does not end with its row committed; a replaced document is
 * marked in the same transaction (which moves the collection's index version) and purged after.
 */
export async function recordUpload(
  deps: UploadDeps,
  received: ReceivedObject,
  input: RecordInput,
): Promise<UploadResult> {
  const { collection } = input;
  let result: UploadResult;
  try {
    result = await deps.db.transaction(async (tx): Promise<UploadResult> => {
      const [existing] = await tx.query<DocumentRow>(sql`
        select * from documents where collection_id = ${collection.id} and sha256 = ${received.sha256}
        and deleted_at is null for update`);
      if (existing !== undefined && input.onDuplicate === "skip")
        return { document: existing, outcome: "duplicate" };
      if (existing !== undefined && input.onDuplicate === "error") {
        throw new ApiError("conflict", `This file is already in the collection as document ${existing.id}`);
      }
      if (existing !== undefined) {
        await tx.query(
          sql`update documents set deleted_at = now(), claim_token = null where id = ${existing.id}`,
        );
      }
      const { actor } = input;
      const [row] = await tx.query<DocumentRow>(sql`
        insert into documents (id, filename, object_name, content_type, size, sha256, collection_id, created_by,
                               api_key_name, metadata)
        values (${received.id}, ${received.filename}, ${received.objectName}, ${received.contentType}, ${received.size},
                ${received.sha256}, ${collection.id}, ${actor.name}, ${actor.kind === "key" ? actor.name : null},
                ${JSON.stringify(input.metadata)}::jsonb)
        returning *`);
      if (row === undefined) throw new Error("insert returned no row");
      await audit(tx, {
        actor: actor.name,
        action: existing === undefined ? "document.upload" : "document.replace",
        target: row.id,
        details: { filename: row.filename, sha256: row.sha256, replaced: existing?.id },
      });
      return existing === undefined
        ? { document: row, outcome: "created" }
        : { document: row, outcome: "replaced", replacedId: existing.id };
    });
  } catch (error) {
    // Nothing was committed: the object must not outlive the failed attempt.
    await deps.objects.delete(received.objectName).catch(() => {});
    if (isUniqueViolation(error)) {
      // A concurrent upload of the same bytes committed first: answer as if we had seen it.
      if (input.onDuplicate === "error")
        throw new ApiError("conflict", "This file is already in the collection");
      const [existing] = await deps.db.query<DocumentRow>(sql`
        select * from documents where collection_id = ${collection.id} and sha256 = ${received.sha256} and deleted_at is null`);
      if (existing !== undefined) return { document: existing, outcome: "duplicate" };
    }
    throw error;
  }
  // Committed. From here nothing may remove the new document's object, and nothing may fail the
  // upload: what is left over is garbage that a retry or the worker's sweep removes.
  if (result.outcome === "duplicate") await deps.objects.delete(received.objectName).catch(() => {});
  const replacedId = result.replacedId;
  if (replacedId !== undefined) {
    await deps.db
      .query<DocumentRow>(sql`select * from documents where id = ${replacedId}`)
      .then(([old]) => (old === undefined ? undefined : purgeDocument(deps, old)))
      .catch(() => {}); // the old document stays marked; the worker's sweep finishes it
  }
  return result;
}
