import { assertAllCollections, assertCollection, type Principal } from "../auth/principal.js";
import { getCollection } from "../collections/collections.js";
import type { Queryable } from "../db/database.js";
import { sql } from "../db/sql.js";
import type { DocumentRow } from "../documents/document-row.js";

export interface IndexStatus {
  collection_id: string | null;
  counts: Record<DocumentRow["index_status"], number>;
  total: number;
  chunks: number;
}

/** GET /index/status: documents per index state and their chunks, for a collection or all. */
export async function indexStatus(
  db: Queryable,
  actor: Principal,
  collectionId: string | undefined,
): Promise<IndexStatus> {
  if (collectionId === undefined) assertAllCollections(actor, "the status of every collection");
  else {
    assertCollection(actor, collectionId);
    await getCollection(db, collectionId);
  }
  const scope = collectionId === undefined ? sql`true` : sql`collection_id = ${collectionId}`;
  const rows = await db.query<{ index_status: DocumentRow["index_status"]; n: number; chunks: number }>(sql`
    select index_status, count(*)::int as n, coalesce(sum(chunk_count), 0)::int as chunks
    from documents where deleted_at is null and ${scope} group by index_status`);
  const counts = { pending: 0, indexing: 0, indexed: 0, failed: 0 };
  for (const r of rows) counts[r.index_status] = r.n;
  return {
    collection_id: collectionId ?? null,
    counts,
    total: rows.reduce((s, r) => s + r.n, 0),
    chunks: rows.reduce((s, r) => s + r.chunks, 0),
  };
}
