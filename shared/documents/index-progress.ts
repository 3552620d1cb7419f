import type { Principal } from "../auth/principal.js";
import type { Queryable } from "../db/database.js";
import { sql } from "../db/sql.js";
import { type IndexStatus, indexStatus } from "../indexing/index-status.js";

/** The span the rate is measured over: recent enough to follow a bulk load's pace. */
export const progressWindowS = 300;

export interface IndexProgress {
  /** Indexed or failed: documents the worker is finished with. */
  done: number;
  total: number;
  /** Documents indexed per minute lately; null until two were indexed within the window. */
  indexed_per_minute: number | null;
  /** Seconds until pending and indexing documents are done at that rate; null without one. */
  eta_seconds: number | null;
  window_seconds: number;
}

/**
 * The rate is (n − 1) documents over the time from the first of the n indexed within the last
 * `progressWindowS` seconds to now: it follows a load that just started (no 5-minute ramp) and
 * falls when indexing stalls, as the span keeps growing while n does not.
 */
export async function indexProgress(
  db: Queryable,
  collectionId: string | undefined,
  status: IndexStatus,
): Promise<IndexProgress> {
  const scope = collectionId === undefined ? sql`true` : sql`collection_id = ${collectionId}`;
  const [recent] = await db.query<{ n: number; span_s: number | null }>(sql`
    select count(*)::int as n, extract(epoch from now() - min(indexed_at))::float8 as span_s
    from documents
    where deleted_at is null and index_status = 'indexed'
      and indexed_at > now() - make_interval(secs => ${progressWindowS}) and ${scope}`);
  const n = recent?.n ?? 0;
  const span = recent?.span_s ?? 0;
  const rate = n >= 2 && span > 0 ? ((n - 1) * 60) / span : null;
  const remaining = status.counts.pending + status.counts.indexing;
  return {
    done: status.counts.indexed + status.counts.failed,
    total: status.total,
    indexed_per_minute: rate === null ? null : Math.round(rate * 10) / 10,
    eta_seconds: remaining === 0 ? 0 : rate === null ? null : Math.ceil((remaining * 60) / rate),
    window_seconds: progressWindowS,
  };
}

/** GET /index/status: the counts per state, and how far along and how fast indexing is. */
export async function indexStatusWithProgress(
  db: Queryable,
  actor: Principal,
  collectionId: string | undefined,
): Promise<IndexStatus & { progress: IndexProgress }> {
  const status = await indexStatus(db, actor, collectionId);
  return { ...status, progress: await indexProgress(db, collectionId, status) };
}
