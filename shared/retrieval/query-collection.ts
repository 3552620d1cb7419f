import type { QueryEvent } from "../analytics/query-event.js";
import type { Principal } from "../auth/principal.js";
import { cachedSearch, queryCacheKey } from "../cache/cached-search.js";
import { type Collection, getCollectionFor } from "../collections/collections.js";
import type { Deps } from "../deps/deps.js";
import { ApiError } from "../errors/api-error.js";
import { type SearchRequest, type SearchResult, search } from "./search.js";

export type QueryInput = Omit<SearchRequest, "collection"> & { collectionId: string };

export interface QueryAnswer {
  /** Names this query in analytics and in POST /query/{query_id}/feedback. */
  queryId: string;
  results: SearchResult[];
  /** The collection searched (its fusion settings say what a hybrid score can reach). */
  collection: Collection;
}

/**
 * POST /query: ranked passages of a collection the caller may use, from the query cache when
 * the same question was answered since the collection's index last changed. Each query of a
 * collection the caller may use leaves one analytics event, answered or failed (recorded off
 * its path: deps.analytics never waits).
 */
export async function queryCollection(deps: Deps, actor: Principal, input: QueryInput): Promise<QueryAnswer> {
  const started = performance.now();
  const queryId = crypto.randomUUID();
  const { collectionId, ...rest } = input;
  const collection = await getCollectionFor(deps.db, actor, collectionId);
  const request: SearchRequest = { collection, ...rest };
  let computed = false;
  let results: SearchResult[];
  try {
    results = await cachedSearch(
      deps.cache,
      deps.config.QUERY_CACHE_TTL_S,
      queryCacheKey(collection, request),
      () => {
        computed = true;
        return search(deps, request);
      },
    );
  } catch (error) {
    deps.analytics.record(
      event({ queryId, collection, actor, input, started, results: [], cacheHit: false, error }),
    );
    throw error;
  }
  const passages = results.map((r) => ({ ...r, score: Number(r.score) }));
  deps.analytics.record(
    event({ queryId, collection, actor, input, started, results: passages, cacheHit: !computed }),
  );
  return { queryId, results: passages, collection };
}

function event(q: {
  queryId: string;
  collection: Collection;
  actor: Principal;
  input: QueryInput;
  started: number;
  results: SearchResult[];
  cacheHit: boolean;
  error?: unknown;
}): QueryEvent {
  return {
    queryId: q.queryId,
    at: new Date(),
    collectionId: q.collection.id,
    apiKeyName: q.actor.kind === "key" ? q.actor.name : null,
    mode: q.input.mode,
    latencyMs: performance.now() - q.started,
    resultCount: q.results.length,
    topScore: q.results[0]?.score ?? null,
    documentIds: [...new Set(q.results.map((r) => r.document_id))],
    cacheHit: q.cacheHit,
    errorClass: q.error === undefined ? null : q.error instanceof ApiError ? q.error.code : "internal",
    query: { text: q.input.query, keep: q.collection.analytics_text },
  };
}
