import type { Database } from "../db/database.js";
import { sql } from "../db/sql.js";
import type { QueryEvent } from "./query-event.js";
import { storedQuery } from "./query-text.js";

/** One insert for a batch of events: their rows travel as one JSON array. */
export async function writeQueryEvents(
  db: Database,
  events: readonly QueryEvent[],
  key: CryptoKey,
): Promise<void> {
  if (events.length === 0) return;
  const rows = await Promise.all(
    events.map(async (e) => {
      const query = await storedQuery(e.query.text, e.query.keep, key);
      return {
        query_id: e.queryId,
        at: e.at.toISOString(),
        collection_id: e.collectionId,
        api_key_name: e.apiKeyName,
        mode: e.mode,
        latency_ms: e.latencyMs,
        result_count: e.resultCount,
        top_score: e.topScore,
        document_ids: e.documentIds,
        cache_hit: e.cacheHit,
        error_class: e.errorClass,
        query_hash: query.hash,
        query_text: query.text,
      };
    }),
  );
  // A collection deleted since its queries were asked takes them along: those rows are skipped.
  await db.query(sql`
    insert into query_events (query_id, at, collection_id, api_key_name, mode, latency_ms, result_count,
      top_score, document_ids, cache_hit, error_class, query_hash, query_text)
    select e.query_id, e.at, e.collection_id, e.api_key_name, e.mode, e.latency_ms, e.result_count,
      e.top_score, e.document_ids, e.cache_hit, e.error_class, e.query_hash, e.query_text
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as e(query_id uuid, at timestamptz,
      collection_id uuid, api_key_name text, mode text, latency_ms real, result_count integer, top_score real,
      document_ids uuid[], cache_hit boolean, error_class text, query_hash text, query_text text)
    where exists (select 1 from collections c where c.id = e.collection_id)`);
}

/** ANALYTICS_HASH_KEY, or the key this installation made for itself (migration 018). */
export async function storedHashSecret(db: Database): Promise<string> {
  const [row] = await db.query<{ hash_key: string }>(
    sql`select hash_key from analytics_settings where id = 1`,
  );
  if (row === undefined) throw new Error("analytics_settings has no key (migration 018 not applied?)");
  return row.hash_key;
}
