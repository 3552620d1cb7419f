import type { Queryable } from "../db/database.js";
import { sql } from "../db/sql.js";

/** What the objects step needs to know of each document. */
export interface BackupDocument {
  id: string;
  object_name: string;
  sha256: string;
  size: number;
  content_type: string;
}

/** Documents whose object must be in the backup: every row not being deleted. */
export async function listBackupDocuments(db: Queryable): Promise<BackupDocument[]> {
  const rows = await db.query<BackupDocument & { size: number | bigint }>(sql`
    select id::text, object_name, sha256, size, content_type
    from documents where deleted_at is null order by id`);
  // postgres.js returns bigint for bigint columns; documents are far below 2^53 bytes.
  return rows.map((r) => ({ ...r, size: Number(r.size) }));
}
