import type { Queryable } from "../db/database.js";
import { sql } from "../db/sql.js";
import { ApiError } from "../errors/api-error.js";

export type AuditAction =
  | "collection.create"
  | "document.upload"
  | "document.replace"
  | "document.update"
  | "document.delete"
  | "document.download_url"
  | "document.reindex"
  | "key.create"
  | "key.revoke"
  | "backup.run"
  | "backup.restore";

export interface AuditEntry {
  actor: string;
  action: AuditAction;
  target: string;
  details?: Record<string, unknown>;
}

/**
 * Records an entry, inside the operation's own transaction (pass the transaction): if the row
 * cannot be written the operation rolls back with it and the caller gets a 503, so no change is
 * ever left unaudited.
 */
export async function audit(tx: Queryable, entry: AuditEntry): Promise<void> {
  try {
    await tx.query(sql`
      insert into audit_logs (actor, action, target, details)
      values (${entry.actor}, ${entry.action}, ${entry.target}, ${JSON.stringify(entry.details ?? {})}::jsonb)`);
  } catch (error) {
    throw new ApiError(
      "service_unavailable",
      "The audit log could not be written, so nothing was changed; retry later",
      { retryAfter: 5, cause: error },
    );
  }
}
