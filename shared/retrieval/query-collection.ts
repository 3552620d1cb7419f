import type { Principal } from "../auth/principal.js";
import { cachedSearch, queryCacheKey } from "../cache/cached-search.js";
import { getCollectionFor } from "../collections/collections.js";
import type { Deps } from "../deps/deps.js";
import { type Passage, type SearchRequest, search } from "./search.js";

export type QueryInput = Omit<SearchRequest, "collection"> & { collectionId: string };

/**
 * POST /query: ranked passages of a collection the caller may use, from the query cache when
 * the same question was answered since the collection's index last changed.
 */
export async function queryCollection(deps: Deps, actor: Principal, input: QueryInput): Promise<Passage[]> {
  const { collectionId, ...rest } = input;
  const collection = await getCollectionFor(deps.db, actor, collectionId);
  const request: SearchRequest = { collection, ...rest };
  const results = await cachedSearch(
    deps.cache,
    deps.config.QUERY_CACHE_TTL_S,
    queryCacheKey(collection, request),
    () => search(deps, request),
  );
  return results.map((r) => ({ ...r, score: Number(r.score) }));
}
