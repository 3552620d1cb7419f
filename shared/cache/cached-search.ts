import { createHash } from "node:crypto";
import type { Collection } from "../collections/collections.js";
import { processMetrics } from "../metrics/registry.js";
import { fusionFor, type SearchAnswer, type SearchRequest } from "../retrieval/search.js";
import type { QueryCache } from "./query-cache.js";

const lookups = processMetrics.counter(
  "docstack_query_cache_total",
  "Query answers by source: hit (cache), shared (joined an identical query in flight), miss (computed).",
);

/** Identical queries in flight in this process, by key: the later ones wait for the first. */
const inFlight = new Map<string, Promise<SearchAnswer>>();

/**
 * The shape of the cached answers: raised whenever a passage gains or changes a field, so an
 * upgraded server never serves an answer cached in the old shape (passages without `ranks`).
 */
const passageShape = 4;

/**
 * Everything the answer depends on: the collection and its index version, the embedding model,
 * the request (query, mode, top_k, filter, highlight, reranking and the model that reranks), how
 * hybrid mode fuses for that model (replicas of two releases share Redis while a deploy rolls,
 * and a retuned fusion changes scores and order) and the passages' shape, hashed.
 */
export function queryCacheKey(collection: Collection, req: SearchRequest, rerankModel?: string): string {
  const request = JSON.stringify([
    req.query,
    req.mode,
    req.topK,
    req.filter,
    req.highlight === true,
    collection.embedding_model,
    req.mode === "hybrid" ? fusionFor(collection) : null,
    passageShape,
    ...(req.rerank === undefined ? [] : [req.rerank.depth, req.rerank.maxChars, rerankModel ?? null]),
  ]);
  const hash = createHash("sha256").update(request).digest("hex").slice(0, 32);
  return `docstack:q:${collection.id}:${collection.index_version}:${hash}`;
}

/** The reranker was asked and failed this time (not: none is configured, which lasts). */
const rerankFailed = (answer: SearchAnswer) =>
  answer.rerank?.status === "fallback" && answer.rerank.reason !== "not-configured";

/**
 * Answers from the cache, or joins an identical query already running in this process
 * (single-flight), or runs the search and caches the answer for `ttlS` seconds. An answer that
 * fell back to the fused order because the reranker failed is not cached: the next query tries
 * the reranker again.
 */
export async function cachedSearch(
  cache: QueryCache,
  ttlS: number,
  key: string,
  run: () => Promise<SearchAnswer>,
): Promise<SearchAnswer> {
  if (cache.kind === "off" || ttlS <= 0) return run();
  const cached = await cache.get(key);
  if (cached !== undefined) {
    lookups({ result: "hit" });
    return JSON.parse(cached) as SearchAnswer;
  }
  const running = inFlight.get(key);
  if (running !== undefined) {
    lookups({ result: "shared" });
    return running;
  }
  lookups({ result: "miss" });
  const promise = run().then(async (answer) => {
    if (!rerankFailed(answer)) await cache.set(key, JSON.stringify(answer), ttlS);
    return answer;
  });
  inFlight.set(key, promise);
  try {
    return await promise;
  } finally {
    inFlight.delete(key);
  }
}
