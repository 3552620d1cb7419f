import type { Database } from "../db/database.js";
import { and, type SqlFragment, sql } from "../db/sql.js";
import type { DocumentRow } from "../documents/document-row.js";

export interface ClaimOptions {
  collectionId?: string;
  limit: number;
  /** A claim older than this is considered abandoned (its worker crashed) and is taken over. */
  leaseS: number;
}

/**
 * Atomically takes up to `limit` documents to index. SKIP LOCKED lets concurrent runs each
 * take different rows instead of waiting on, or double-processing, the same ones; the fresh
 * claim token lets the finishing step detect that its claim was taken over.
 */
export async function claimDocuments(db: Database, options: ClaimOptions): Promise<DocumentRow[]> {
  const conditions: SqlFragment[] = [
    sql`deleted_at is null`,
    sql`(index_status = 'pending' or (index_status = 'indexing' and claimed_at < now() - make_interval(secs => ${options.leaseS})))`,
    sql`(index_retry_at is null or index_retry_at <= now())`,
  ];
  if (options.collectionId !== undefined) conditions.push(sql`collection_id = ${options.collectionId}`);
  return db.transaction((tx) =>
    tx.query<DocumentRow>(sql`
      update documents set index_status = 'indexing', claim_token = gen_random_uuid(), claimed_at = now(),
        index_attempts = index_attempts + 1, index_error = null, index_retry_at = null
      where id in (
        select id from documents where ${and(conditions)}
        order by upload_date, id limit ${options.limit}
        for update skip locked)
      returning *`),
  );
}
