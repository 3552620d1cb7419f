import type { Queryable } from "../db/database.js";
import { raw, sql } from "../db/sql.js";

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

export const countedTables = ["collections", "documents", "chunks", "vectors"] as const;

/**
 * Rows per table, recorded in the manifest and compared after a restore. `vectors` exists only
 * where pgvector does.
 */
export async function countRows(db: Queryable): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of countedTables) {
    const [exists] = await db.query<{ ok: boolean }>(
      sql`select to_regclass(${`public.${table}`}) is not null as ok`,
    );
    if (!exists?.ok) continue;
    // The name comes from the constant list above, never from input.
    const [row] = await db.query<{ n: number }>(sql`select count(*)::int as n from ${raw(table)}`);
    counts[table] = row?.n ?? 0;
  }
  return counts;
}
