import { createHash } from "node:crypto";
import type { Collection } from "../collections/collections.js";
import { processMetrics } from "../metrics/registry.js";
import type { SearchRequest, SearchResult } from "../retrieval/search.js";
import type { QueryCache } from "./query-cache.js";

const lookups = processMetrics.counter(
  "docstack_query_cache_total",
  "Query answers by source: hit (cache), shared (joined an identical query in flight), miss (computed).",
);

/** Identical queries in flight in this process, by key: the later ones wait for the first. */
const inFlight = new Map<string, Promise<SearchResult[]>>();

/**
 * The shape of the cached answers: raised whenever a passage gains or changes a field, so an
 * upgraded server never serves an answer cached in the old shape (passages without `ranks`).
 */
const passageShape = 3;

/**
 * Everything the answer depends on: the collection and its index version, the embedding model,
 * the request (query, mode, top_k, filter, highlight) and the passages' shape, hashed.
 */
export function queryCacheKey(collection: Collection, req: SearchRequest): string {
  const request = JSON.stringify([
    req.query,
    req.mode,
    req.topK,
    req.filter,
    req.highlight === true,
    collection.embedding_model,
    passageShape,
  ]);
  const hash = createHash("sha256").update(request).digest("hex").slice(0, 32);
  return `docstack:q:${collection.id}:${collection.index_version}:${hash}`;
}

/**
 * Answers from the cache, or joins an identical query already running in this process
 * (single-flight), or runs the search and caches the answer for `ttlS` seconds.
 */
export async function cachedSearch(
  cache: QueryCache,
  ttlS: number,
  key: string,
  run: () => Promise<SearchResult[]>,
): Promise<SearchResult[]> {
  if (cache.kind === "off" || ttlS <= 0) return run();
  const cached = await cache.get(key);
  if (cached !== undefined) {
    lookups({ result: "hit" });
    return JSON.parse(cached) as SearchResult[];
  }
  const running = inFlight.get(key);
  if (running !== undefined) {
    lookups({ result: "shared" });
    return running;
  }
  lookups({ result: "miss" });
  const promise = run().then(async (results) => {
    await cache.set(key, JSON.stringify(results), ttlS);
    return results;
  });
  inFlight.set(key, promise);
  try {
    return await promise;
  } finally {
    inFlight.delete(key);
  }
}
