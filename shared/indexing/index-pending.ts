import { assertAllCollections, assertCollection, type Principal } from "../auth/principal.js";
import { getCollection } from "../collections/collections.js";
import type { Deps } from "../deps/deps.js";
import { type RunResult, runIndex } from "./run-index.js";

/** POST /index/run: indexes up to `limit` pending documents now, of one collection or of all. */
export async function indexPending(
  deps: Deps,
  actor: Principal,
  input: { collectionId?: string; limit: number },
): Promise<RunResult> {
  if (input.collectionId === undefined) assertAllCollections(actor, "indexing every collection");
  else {
    assertCollection(actor, input.collectionId);
    await getCollection(deps.db, input.collectionId);
  }
  return runIndex(
    { ...deps, batchSize: deps.config.EMBED_BATCH_SIZE },
    {
      limit: input.limit,
      leaseS: deps.config.INDEX_LEASE_S,
      ...(input.collectionId === undefined ? {} : { collectionId: input.collectionId }),
    },
  );
}
