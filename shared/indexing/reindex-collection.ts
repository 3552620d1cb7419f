import { getCollection } from "../collections/collections.js";
import { sql } from "../db/sql.js";
import type { Deps } from "../deps/deps.js";
import { requeueDocuments } from "./requeue-documents.js";
import { runIndex } from "./run-index.js";

export interface ReindexResult {
  collectionId: string;
  /** The model and dimension before and after (they differ when the embedder changed). */
  from: { model: string; dimension: number };
  to: { model: string; dimension: number };
  documents: number;
  indexed: number;
  failed: number;
}

export interface ReindexOptions {
  /** Index here until the collection is done (default); otherwise leave it to the workers. */
  wait: boolean;
  progress?: (line: string) => void;
}

/**
 * Rebuilds a collection's vectors (and chunks) from the canonical documents in the object store,
 * with the configured embedder: after a lost vector store, or to move a collection to another
 * embedding model (the collection then records the new model and dimension).
 *
 * The vector collection is dropped and made again at the new dimension first: if that fails,
 * nothing else has changed and the command can simply be run again. Then, in one transaction,
 * the collection switches model and every document of it goes back to pending, including any
 * a worker indexed or is indexing meanwhile (a worker's run then loses its claim and leaves the
 * document to this one). The documents are indexed here and by any running worker. Until that
 * finishes, vector and hybrid queries see only the documents already redone; keyword search is
 * unaffected.
 */
export async function reindexCollection(
  deps: Deps,
  collectionId: string,
  options: ReindexOptions,
): Promise<ReindexResult> {
  const say = options.progress ?? (() => {});
  const collection = await getCollection(deps.db, collectionId);
  const from = { model: collection.embedding_model, dimension: collection.embedding_dimension };
  const to = { model: deps.embedder.model, dimension: deps.embedder.dimension };

  await deps.vectors.dropCollection({ id: collectionId, dimension: from.dimension });
  await deps.vectors.ensureCollection({ id: collectionId, dimension: to.dimension });
  const released = await deps.db.transaction(async (tx) => {
    await tx.query(sql`
      update collections set embedding_model = ${to.model}, embedding_dimension = ${to.dimension}
      where id = ${collectionId}`);
    return requeueDocuments(tx, sql`collection_id = ${collectionId}`);
  });
  say(
    `${released.length} document(s) to index; ${from.model} (${from.dimension}d) -> ${to.model} (${to.dimension}d)`,
  );

  const result: ReindexResult = { collectionId, from, to, documents: released.length, indexed: 0, failed: 0 };
  if (!options.wait) return result;

  const batchSize = deps.config.EMBED_BATCH_SIZE;
  for (;;) {
    const run = await runIndex(
      { ...deps, batchSize },
      { collectionId, limit: deps.config.INDEX_BATCH, leaseS: deps.config.INDEX_LEASE_S },
    );
    if (run.claimed > 0) {
      say(`indexed ${run.indexed}, failed ${run.failed}`);
      continue;
    }
    // Nothing left to claim: wait for documents other workers took, then count.
    const [left] = await deps.db.query<{ n: number }>(sql`
      select count(*)::int as n from documents
      where collection_id = ${collectionId} and deleted_at is null and index_status in ('pending', 'indexing')`);
    if ((left?.n ?? 0) === 0) break;
    await new Promise((r) => setTimeout(r, deps.config.INDEX_POLL_MS));
  }
  const [counts] = await deps.db.query<{ indexed: number; failed: number }>(sql`
    select count(*) filter (where index_status = 'indexed')::int as indexed,
      count(*) filter (where index_status = 'failed')::int as failed
    from documents where collection_id = ${collectionId} and deleted_at is null`);
  return { ...result, indexed: counts?.indexed ?? 0, failed: counts?.failed ?? 0 };
}
