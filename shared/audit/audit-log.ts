import type { Queryable } from "../db/database.js";
import { sql } from "../db/sql.js";

export type AuditAction =
  | "collection.create"
  | "document.upload"
  | "document.replace"
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

export async function audit(db: Queryable, entry: AuditEntry): Promise<void> {
  await db.query(sql`
    insert into audit_logs (actor, action, target, details)
    values (${entry.actor}, ${entry.action}, ${entry.target}, ${JSON.stringify(entry.details ?? {})}::jsonb)`);
}
