import type { Config } from "../config.js";
import type { Database } from "../db/database.js";
import type { Embedder } from "../embeddings/embedder.js";
import type { Extractor } from "../extract/sandbox/extractor.js";
import type { ObjectStore } from "../storage/object-store.js";
import type { VectorStore } from "../vectors/vector-store.js";

export interface IndexDeps {
  db: Database;
  objects: ObjectStore;
  vectors: VectorStore;
  embedder: Embedder;
  extractor: Pick<Extractor, "extractChunks" | "formats">;
  config: Pick<
    Config,
    | "INDEX_MAX_CHUNKS"
    | "INDEX_MAX_ATTEMPTS"
    | "INDEX_CONCURRENCY"
    | "INDEX_INFLIGHT_MB"
    | "INDEX_EMBED_WAIT_MS"
    | "EMBEDDINGS_CONCURRENCY"
  >;
  /** Texts per embedding request, filled across documents. */
  batchSize: number;
}

export interface IndexOutcome {
  id: string;
  status: "indexed" | "failed" | "abandoned" | "deferred";
  chunk_count: number;
  error: string | null;
}

/** Stage timings in milliseconds, summed over documents (fetch, extract, chunk) or requests. */
export type StageTimings = Record<"fetch" | "extract" | "chunk" | "embed" | "upsert" | "sql", number>;

export function emptyTimings(): StageTimings {
  return { fetch: 0, extract: 0, chunk: 0, embed: 0, upsert: 0, sql: 0 };
}

export const claimLost = "claim lost (deleted or re-claimed)";
