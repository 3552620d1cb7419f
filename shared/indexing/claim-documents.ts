import type { Database } from "../db/database.js";
import { and, type SqlFragment, sql } from "../db/sql.js";
import type { DocumentRow } from "../documents/document-row.js";
import { contentTypeOf } from "../extract/document-kind.js";
import type { Extractor } from "../extract/sandbox/extractor.js";

export interface ClaimOptions {
  collectionId?: string;
  limit: number;
  /** A claim older than this is considered abandoned (its worker crashed) and is taken over. */
  leaseS: number;
  /**
   * The formats the claiming runtime reads (its extractor's). Short of all of them (Workers),
   * only documents of those formats are claimed, and none that was handed over to Node.
   */
  formats?: Extractor["formats"];
}

/**
 * Atomically takes up to `limit` documents to index. SKIP LOCKED lets concurrent runs each
 * take different rows instead of waiting on, or double-processing, the same ones; the fresh
 * claim token lets the finishing step detect that its claim was taken over. A claim is not yet
 * a try: startAttempt counts one when the work on that document begins, so the documents of a
 * batch that a crash cut short are not charged for the one that was being worked on.
 */
export async function claimDocuments(db: Database, options: ClaimOptions): Promise<DocumentRow[]> {
  const conditions: SqlFragment[] = [
    sql`deleted_at is null`,
    sql`(index_status = 'pending' or (index_status = 'indexing' and claimed_at < now() - make_interval(secs => ${options.leaseS})))`,
    sql`(index_retry_at is null or index_retry_at <= now())`,
  ];
  if (options.collectionId !== undefined) conditions.push(sql`collection_id = ${options.collectionId}`);
  if (options.formats !== undefined && options.formats !== "all") {
    const types = options.formats.map((kind) => contentTypeOf[kind]);
    conditions.push(sql`content_type = any(${types}::text[])`, sql`not index_on_node_only`);
  }
  return db.transaction((tx) =>
    tx.query<DocumentRow>(sql`
      update documents set index_status = 'indexing', claim_token = gen_random_uuid(), claimed_at = now(),
        index_error = null, index_retry_at = null
      where id in (
        select id from documents where ${and(conditions)}
        order by upload_date, id limit ${options.limit}
        for update skip locked)
      returning *`),
  );
}

export type AttemptStart = { started: true; attempts: number } | { started: false; unfinished?: number };

/**
 * Counts a try on a claimed document just before work on it begins, committed before anything
 * can crash. A document whose earlier tries never finished `maxAttempts` times (each took the
 * process down, or was killed) is not tried again: it fails with the reason instead, so one
 * file cannot kill a worker after every restart. Tries that ended deferred finished and do not
 * count. `started: false` without `unfinished` means the claim was lost meanwhile.
 */
export async function startAttempt(
  db: Database,
  doc: Pick<DocumentRow, "id" | "claim_token">,
  maxAttempts: number,
  failureReason: string,
): Promise<AttemptStart> {
  const [row] = await db.query<{ attempts: number; unfinished: number; started: boolean }>(sql`
    update documents set
      index_attempts = case when index_attempts - index_deferrals >= ${maxAttempts} then index_attempts
                            else index_attempts + 1 end,
      index_status = case when index_attempts - index_deferrals >= ${maxAttempts} then 'failed'
                          else index_status end,
      index_error = case when index_attempts - index_deferrals >= ${maxAttempts}
                         then ${failureReason} else index_error end,
      claim_token = case when index_attempts - index_deferrals >= ${maxAttempts} then null else claim_token end,
      claimed_at = now()
    where id = ${doc.id} and claim_token = ${doc.claim_token} and deleted_at is null
    returning index_attempts as attempts, index_attempts - index_deferrals as unfinished,
      index_status = 'indexing' as started`);
  if (row === undefined) return { started: false };
  return row.started
    ? { started: true, attempts: row.attempts }
    : { started: false, unfinished: row.unfinished };
}

/**
 * Renews the claims that still hold (token unchanged, document not deleted) so their lease does
 * not run out; returns the ids of those documents. A claim taken over or a deleted document is
 * left alone.
 */
export async function renewClaims(
  db: Database,
  claims: { ids: readonly string[]; tokens: readonly (string | null)[] },
): Promise<string[]> {
  const rows = await db.query<{ id: string }>(sql`
    update documents d set claimed_at = now()
    from unnest(${[...claims.ids]}::uuid[], ${[...claims.tokens]}::uuid[]) as c(id, token)
    where d.id = c.id and d.claim_token = c.token and d.deleted_at is null
    returning d.id`);
  return rows.map((r) => r.id);
}

/**
 * Hands claims back at a graceful stop: the documents are pending again at once (no lease to wait
 * out, no backoff), and a try that had begun on one is not counted, since the document did not
 * end it. A claim taken over or ended meanwhile (its token changed or cleared) is left alone.
 * Returns the ids handed back.
 */
export async function releaseClaims(
  db: Database,
  claims: { ids: readonly string[]; tokens: readonly (string | null)[]; started: readonly boolean[] },
): Promise<string[]> {
  if (claims.ids.length === 0) return [];
  const rows = await db.query<{ id: string }>(sql`
    update documents d set index_status = 'pending', claim_token = null, claimed_at = null,
      index_attempts = greatest(d.index_attempts - case when c.started then 1 else 0 end, 0)
    from unnest(${[...claims.ids]}::uuid[], ${[...claims.tokens]}::uuid[], ${[...claims.started]}::boolean[])
      as c(id, token, started)
    where d.id = c.id and d.claim_token = c.token
    returning d.id`);
  return rows.map((r) => r.id);
}
