import type { Config } from "../config.js";
import type { Database, Queryable } from "../db/database.js";
import type { Deps } from "../deps/deps.js";
import type { Embedder } from "../embeddings/embedder.js";
import { EmbeddingsHttpError } from "../embeddings/openai-embedder.js";
import { ApiError } from "../errors/api-error.js";
import { processMetrics } from "../metrics/registry.js";
import type { Reranker } from "../rerank/reranker.js";
import type { ObjectStore } from "../storage/object-store.js";
import { upsertRequestRecords, type VectorStore } from "../vectors/vector-store.js";
import { CircuitBreaker } from "./circuit-breaker.js";

/**
 * SQLSTATE classes that mean the server could not do the work (08 connection, 53 resources,
 * 57 operator intervention and timeouts, 58 system): the others (a constraint, bad input) are
 * answers from a healthy server. Errors without a SQLSTATE are the driver's: refused, reset.
 */
export function isDatabaseFailure(error: unknown): boolean {
  // Thrown by our own code inside a transaction (a document not found, a conflict): an answer,
  // not a failure, unless it wraps one (the audit log's 503 keeps the database error as cause).
  if (error instanceof ApiError) return error.cause !== undefined && isDatabaseFailure(error.cause);
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== "string" || !/^[0-9A-Z]{5}$/.test(code)) return true;
  return ["08", "53", "57", "58"].includes(code.slice(0, 2));
}

/** S3 answers with a named code (NoSuchKey…); network trouble, 5xx answers and no answer count. */
export function isObjectStoreFailure(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== "string") return true;
  return (
    /^E[A-Z_]+$/.test(code) ||
    ["InternalError", "ServiceUnavailable", "SlowDown", "RequestTimeout"].includes(code)
  );
}

/** Chroma's client names its errors: connection and server errors count, client-side ones do not. */
export function isVectorStoreFailure(error: unknown): boolean {
  const name = (error as { name?: unknown } | null)?.name;
  return ![
    "ChromaNotFoundError",
    "ChromaValueError",
    "ChromaClientError",
    "ChromaUniqueError",
    "InvalidArgumentError",
  ].includes(String(name));
}

/**
 * An embeddings server refusing the input (400, 413, 422: a text past the model's context, say)
 * answered, and would answer the same again: not an outage. Other answers count: a bad key or
 * model (401, 403, 404) fails every request alike, and its documents wait for the fix.
 */
export function isEmbedderFailure(error: unknown): boolean {
  return !(error instanceof EmbeddingsHttpError && [400, 413, 422].includes(error.status));
}

const stateValue = { closed: 0, half_open: 1, open: 2 } as const;

function guardDatabase(db: Database, breaker: CircuitBreaker): Database {
  const query: Queryable["query"] = (statement) => breaker.run(() => db.query(statement));
  return {
    ...db,
    kind: db.kind,
    query,
    transaction: (fn) => breaker.run(() => db.transaction(fn)),
    execScript: (text) => breaker.run(() => db.execScript(text)),
    ping: () => breaker.run(() => db.ping()),
    close: () => db.close(),
  };
}

function guardObjects(objects: ObjectStore, breaker: CircuitBreaker): ObjectStore {
  return {
    kind: objects.kind,
    // A large upload may legitimately take long: its breaker has no time limit.
    put: (name, body, type) => breaker.run(() => objects.put(name, body, type), { timeout: false }),
    get: (name) => breaker.run(() => objects.get(name)),
    delete: (name) => breaker.run(() => objects.delete(name)),
    exists: (name) => breaker.run(() => objects.exists(name)),
    list: (prefix) => breaker.run(() => objects.list(prefix)),
    presignGet: (name, options) => breaker.run(() => objects.presignGet(name, options)),
    ping: () => breaker.run(() => objects.ping()),
  };
}

export function guardVectors(vectors: VectorStore, breaker: CircuitBreaker): VectorStore {
  return {
    kind: vectors.kind,
    ensureCollection: (c) => breaker.run(() => vectors.ensureCollection(c)),
    // The time limit is each request's: the index worker upserts a whole group of documents at
    // once, thousands of vectors, which Chroma takes seconds per thousand to insert.
    upsert: async (c, records) => {
      for (let i = 0; i < records.length; i += upsertRequestRecords) {
        const slice = records.slice(i, i + upsertRequestRecords);
        await breaker.run(() => vectors.upsert(c, slice));
      }
    },
    query: (c, embedding, topK, ids) => breaker.run(() => vectors.query(c, embedding, topK, ids)),
    deleteDocuments: (c, ids) => breaker.run(() => vectors.deleteDocuments(c, ids)),
    countDocument: (c, id) => breaker.run(() => vectors.countDocument(c, id)),
    count: (c) => breaker.run(() => vectors.count(c)),
    exportPage: (c, page) => breaker.run(() => vectors.exportPage(c, page)),
    dropCollection: (c) => breaker.run(() => vectors.dropCollection(c)),
    ping: () => breaker.run(() => vectors.ping()),
  };
}

function guardEmbedder(embedder: Embedder, breaker: CircuitBreaker): Embedder {
  return {
    kind: embedder.kind,
    model: embedder.model,
    dimension: embedder.dimension,
    // An embed call waits its turn, Retry-After pauses and backoffs between tries of a batch;
    // the remote embedder bounds each try by EMBED_TIMEOUT_MS and the tries by
    // EMBEDDINGS_RETRIES, so the breaker hears only of a call that failed after them.
    embed: (texts, purpose) => breaker.run(() => embedder.embed(texts, purpose), { timeout: false }),
    ping: () => breaker.run(() => embedder.ping()),
  };
}

function guardReranker(reranker: Reranker, breaker: CircuitBreaker): Reranker {
  return {
    kind: reranker.kind,
    model: reranker.model,
    // One query's batches run at once and each has RERANK_TIMEOUT_MS; the breaker's limit, the
    // same, covers them together.
    score: (query, passages) => breaker.run(() => reranker.score(query, passages)),
  };
}

/**
 * Every remote dependency behind a circuit breaker with a time limit per call: PostgreSQL,
 * MinIO, Chroma, a remote embedder and a reranker. In-process engines (PGlite, the filesystem store,
 * pgvector inside PGlite, the built-in and ONNX embedders) fail with the process, not apart
 * from it, and stay unwrapped. Breaker states are exported as docstack_breaker_state{dependency}.
 */
export function guardDeps(deps: Deps, config: Config): Deps {
  const common = { failureThreshold: config.BREAKER_FAILURES, recoveryMs: config.BREAKER_RECOVERY_S * 1000 };
  const timeoutMs = config.OUTBOUND_TIMEOUT_MS;
  const breakers: CircuitBreaker[] = [];
  const make = (name: string, options: ConstructorParameters<typeof CircuitBreaker>[1]) => {
    const b = new CircuitBreaker(name, { ...common, ...options });
    breakers.push(b);
    return b;
  };
  const guarded: Deps = { ...deps };
  if (deps.db.kind === "postgres") {
    // A statement may run up to its own timeout; the breaker waits a little longer than that.
    guarded.db = guardDatabase(
      deps.db,
      make("PostgreSQL", { timeoutMs: config.DB_STATEMENT_TIMEOUT_MS + 2000, isFailure: isDatabaseFailure }),
    );
  }
  if (deps.objects.kind === "minio") {
    guarded.objects = guardObjects(
      deps.objects,
      make("The object store", { timeoutMs, isFailure: isObjectStoreFailure }),
    );
  }
  if (deps.vectors.kind === "chroma") {
    guarded.vectors = guardVectors(
      deps.vectors,
      make("The vector store", { timeoutMs, isFailure: isVectorStoreFailure }),
    );
  }
  if (deps.embedder.kind === "openai") {
    guarded.embedder = guardEmbedder(
      deps.embedder,
      make("The embedder", { timeoutMs: config.EMBED_TIMEOUT_MS + 1000, isFailure: isEmbedderFailure }),
    );
  }
  if (deps.reranker !== undefined) {
    // Every answer but a score for each passage counts: a refused model or batch size fails
    // every query alike, and an open breaker spares them the wait (they keep the fused order).
    guarded.reranker = guardReranker(
      deps.reranker,
      make("The reranker", { timeoutMs: config.RERANK_TIMEOUT_MS }),
    );
  }
  guarded.breakerStates = () => breakers.map((b) => b.current);
  processMetrics.gauge(
    "docstack_breaker_state",
    "Circuit breaker per dependency: 0 closed, 1 half-open (probing), 2 open (failing fast).",
    () => breakers.map((b) => ({ labels: { dependency: b.name }, value: stateValue[b.current] })),
  );
  return guarded;
}
