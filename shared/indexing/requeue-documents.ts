import type { Queryable } from "../db/database.js";
import { type SqlFragment, sql } from "../db/sql.js";
import type { DocumentRow } from "../documents/document-row.js";

/**
 * Puts documents back to pending, as new: no claim (a run still working on one loses it and
 * discards its result), no attempts counted, no error, no backoff. Their chunks stay searchable
 * until the next run replaces them. The one statement for every "index again": a document
 * (POST /documents/{id}/reindex) or a whole collection (npm run reindex).
 */
export function requeueDocuments(tx: Queryable, where: SqlFragment): Promise<DocumentRow[]> {
  return tx.query<DocumentRow>(sql`
    update documents set index_status = 'pending', index_error = null, claim_token = null, claimed_at = null,
      index_attempts = 0, index_deferrals = 0, index_retry_at = null
    where deleted_at is null and ${where} returning *`);
}
