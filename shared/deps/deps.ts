import type { QueryEventSink } from "../analytics/query-event.js";
import type { QueryCache } from "../cache/query-cache.js";
import type { Config } from "../config.js";
import type { Database } from "../db/database.js";
import type { Embedder } from "../embeddings/embedder.js";
import type { Extractor } from "../extract/sandbox/extractor.js";
import type { Lifecycle } from "../lifecycle/lifecycle.js";
import type { Logger } from "../logging/logger.js";
import type { RateLimiter } from "../ratelimit/rate-limiter.js";
import type { Reranker } from "../rerank/reranker.js";
import type { BreakerState } from "../resilience/circuit-breaker.js";
import type { ObjectStore } from "../storage/object-store.js";
import type { VectorStore } from "../vectors/vector-store.js";

/** Everything a function needs, built once at its entry and handed to createApp. */
export interface Deps {
  config: Config;
  db: Database;
  objects: ObjectStore;
  vectors: VectorStore;
  embedder: Embedder;
  /** Reorders a query's best candidates (RERANKER); absent when none is configured. */
  reranker?: Reranker;
  /** Text extraction within the configured bounds (worker threads on Node). */
  extractor: Extractor;
  limiter: RateLimiter;
  /** Query answers (keyed by the collection's index version, so never stale). */
  cache: QueryCache;
  /** Where each query leaves its analytics event, off its path (shared/analytics). */
  analytics: QueryEventSink;
  log: Logger;
  /**
   * Whether the process is stopping (readiness answers 503 then). Set by the Node entries, which
   * receive SIGTERM; absent on Workers, whose platform stops routing to an isolate by itself.
   */
  lifecycle?: Lifecycle;
  /**
   * The states of the circuit breakers guarding remote dependencies (shared/resilience), for
   * admission control to tighten while one is open or probing. Absent when nothing is guarded.
   */
  breakerStates?: () => BreakerState[];
  /** Releases connections and handles (tests, graceful shutdown). */
  close(): Promise<void>;
}

/** One line naming each adapter, logged at startup so nobody wonders which engine is in use. */
export function describeDeps(deps: Deps): Record<string, string> {
  return {
    db: deps.db.kind,
    objects: deps.objects.kind,
    vectors: deps.vectors.kind,
    embedder: `${deps.embedder.kind} (${deps.embedder.model}, ${deps.embedder.dimension}d)`,
    reranker: deps.reranker === undefined ? "off" : `${deps.reranker.kind} (${deps.reranker.model})`,
    extractor: deps.extractor.kind,
    limiter: deps.limiter.kind,
    cache: deps.cache.kind,
    analytics: deps.analytics.kind,
  };
}
