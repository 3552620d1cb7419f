import { audit } from "../audit/audit-log.js";
import type { Principal } from "../auth/principal.js";
import type { Database } from "../db/database.js";
import { sql } from "../db/sql.js";
import { ApiError } from "../errors/api-error.js";
import type { DocumentRow } from "./document-row.js";
import type { Metadata } from "./metadata.js";
import { visibleTo } from "./visible-to.js";

/** What an edit sets; a field left out keeps its value. Both already validated and cleaned. */
export interface DocumentEdit {
  metadata?: Metadata;
  filename?: string;
}

/** Top-level keys whose values differ, added and removed ones included. */
function changedKeys(before: Metadata, after: Metadata): string[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  // Both sides come back from jsonb, which orders keys, so equal values serialise alike.
  return [...keys]
    .filter(
      (k) =>
        !Object.hasOwn(before, k) ||
        !Object.hasOwn(after, k) ||
        JSON.stringify(before[k]) !== JSON.stringify(after[k]),
    )
    .sort();
}

/**
 * PATCH /documents/{id}: sets a document's metadata and/or file name, with its audit row, in one
 * transaction. Chunks and vectors stay as they are: search reads both fields from the documents
 * table, and the update moves the collection's index version (migration 009's trigger) in the
 * same transaction, so filters see the change and cached answers are dropped at once. A
 * document being deleted, or in a collection the caller's key may not use, is not found.
 */
export async function updateDocument(
  db: Database,
  actor: Principal,
  id: string,
  edit: DocumentEdit,
): Promise<DocumentRow> {
  return db.transaction(async (tx) => {
    const [before] = await tx.query<DocumentRow>(sql`
      select * from documents
      where id = ${id} and deleted_at is null and ${visibleTo(actor, sql`collection_id`)} for update`);
    if (before === undefined) throw new ApiError("not_found", `Document ${id} not found`);
    const metadata = edit.metadata === undefined ? null : JSON.stringify(edit.metadata);
    const [after] = await tx.query<DocumentRow>(sql`
      update documents set metadata = coalesce(${metadata}::jsonb, metadata),
        filename = coalesce(${edit.filename ?? null}::text, filename)
      where id = ${id} returning *`);
    if (after === undefined) throw new Error("update returned no row");
    await audit(tx, {
      actor: actor.name,
      action: "document.update",
      target: after.id,
      details: {
        filename: after.filename,
        ...(before.filename === after.filename ? {} : { previous_filename: before.filename }),
        ...(edit.metadata === undefined
          ? {}
          : {
              metadata_keys: {
                before: Object.keys(before.metadata).sort(),
                after: Object.keys(after.metadata).sort(),
                changed: changedKeys(before.metadata, after.metadata),
              },
            }),
      },
    });
    return after;
  });
}
