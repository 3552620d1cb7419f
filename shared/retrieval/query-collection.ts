import type { QueryEvent } from "../analytics/query-event.js";
import type { Principal } from "../auth/principal.js";
import { cachedSearch, queryCacheKey } from "../cache/cached-search.js";
import { type Collection, getCollectionFor } from "../collections/collections.js";
import type { Deps } from "../deps/deps.js";
import { ApiError } from "../errors/api-error.js";
import type { RerankOutcome } from "../rerank/rerank-outcome.js";
import {
  type RerankPlan,
  type SearchAnswer,
  type SearchRequest,
  type SearchResult,
  search,
} from "./search.js";

export type QueryInput = Omit<SearchRequest, "collection" | "rerank"> & {
  collectionId: string;
  /** Rerank (true) or not (false); absent, the collection's default decides, else RERANK_DEFAULT. */
  rerank?: boolean | undefined;
};

export interface QueryAnswer {
  /** Names this query in analytics and in POST /query/{query_id}/feedback. */
  queryId: string;
  results: SearchResult[];
  /** The collection searched (its fusion settings say what a hybrid score can reach). */
  collection: Collection;
  /** What became of reranking; absent when it was not asked for. */
  rerank?: RerankOutcome;
}

/**
 * Asking for reranking outright where no reranker is configured is refused (422): the caller
 * asked for something this server cannot do, and would otherwise never learn it. A default that
 * asks for it is the operator's setting, and is answered in fused order with a header saying why.
 */
function assertRerankable(deps: Deps, asked: boolean | undefined): void {
  if (asked !== true || deps.reranker !== undefined) return;
  throw new ApiError("validation_failed", "This server has no reranker configured", {
    errors: [{ path: "rerank", message: "No reranker is configured (RERANKER); leave rerank out or false" }],
  });
}

/** How this query is reranked, if it is: the request says, else its collection, else the server. */
function rerankPlan(deps: Deps, asked: boolean | undefined, collection: Collection): RerankPlan | undefined {
  if (!(asked ?? collection.rerank ?? deps.config.RERANK_DEFAULT)) return undefined;
  return { depth: deps.config.RERANK_DEPTH, maxChars: deps.config.RERANK_MAX_CHARS };
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
  const { collectionId, rerank, ...rest } = input;
  assertRerankable(deps, rerank);
  const collection = await getCollectionFor(deps.db, actor, collectionId);
  const plan = rerankPlan(deps, rerank, collection);
  const request: SearchRequest = { collection, ...rest, ...(plan === undefined ? {} : { rerank: plan }) };
  let computed = false;
  let answer: SearchAnswer;
  try {
    answer = await cachedSearch(
      deps.cache,
      deps.config.QUERY_CACHE_TTL_S,
      queryCacheKey(collection, request, deps.reranker?.model),
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
  const passages = answer.results.map((r) => ({ ...r, score: Number(r.score) }));
  deps.analytics.record(
    event({ queryId, collection, actor, input, started, results: passages, cacheHit: !computed }),
  );
  return {
    queryId,
    results: passages,
    collection,
    ...(answer.rerank === undefined ? {} : { rerank: answer.rerank }),
  };
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
