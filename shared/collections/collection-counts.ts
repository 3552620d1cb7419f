import type { Principal } from "../auth/principal.js";
import type { Queryable } from "../db/database.js";
import { sql } from "../db/sql.js";
import { type Collection, getCollectionFor, listCollections } from "./collections.js";

/** What a collection holds now: its documents by index status, their passages and bytes. */
export interface CollectionCounts {
  documents: number;
  chunks: number;
  bytes: number;
  pending: number;
  indexing: number;
  indexed: number;
  failed: number;
}

export const emptyCounts: CollectionCounts = {
  documents: 0,
  chunks: 0,
  bytes: 0,
  pending: 0,
  indexing: 0,
  indexed: 0,
  failed: 0,
};

/**
 * The counts of each collection in `ids`, in one grouped read. Documents being deleted are not
 * counted: they are already invisible everywhere else.
 */
async function countsOf(db: Queryable, ids: readonly string[]): Promise<Map<string, CollectionCounts>> {
  const counts = new Map<string, CollectionCounts>(ids.map((id) => [id, { ...emptyCounts }]));
  if (ids.length === 0) return counts;
  const rows = await db.query<CollectionCounts & { collection_id: string }>(sql`
    select collection_id,
           count(*)::int as documents,
           coalesce(sum(chunk_count), 0)::int as chunks,
           coalesce(sum(size), 0)::float8 as bytes,
           (count(*) filter (where index_status = 'pending'))::int as pending,
           (count(*) filter (where index_status = 'indexing'))::int as indexing,
           (count(*) filter (where index_status = 'indexed'))::int as indexed,
           (count(*) filter (where index_status = 'failed'))::int as failed
    from documents
    where collection_id = any(${[...ids]}::uuid[]) and deleted_at is null
    group by collection_id`);
  for (const { collection_id, ...row } of rows) counts.set(collection_id, row);
  return counts;
}

export interface CountedCollection {
  collection: Collection;
  counts: CollectionCounts;
}

/** GET /collections: a page of the collections the caller may use, each with its counts. */
export async function listCountedCollections(
  db: Queryable,
  actor: Principal,
  page: { limit: number; offset: number },
): Promise<{ items: CountedCollection[]; total: number }> {
  const { items, total } = await listCollections(db, actor, page);
  const counts = await countsOf(
    db,
    items.map((c) => c.id),
  );
  return {
    items: items.map((c) => ({ collection: c, counts: counts.get(c.id) ?? { ...emptyCounts } })),
    total,
  };
}

/** GET /collections/{id}: the collection with its counts, for a caller who may use it. */
export async function getCountedCollection(
  db: Queryable,
  actor: Principal,
  id: string,
): Promise<CountedCollection> {
  const collection = await getCollectionFor(db, actor, id);
  const counts = await countsOf(db, [id]);
  return { collection, counts: counts.get(id) ?? { ...emptyCounts } };
}
