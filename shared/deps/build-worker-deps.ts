import { AsyncLocalStorage } from "node:async_hooks";
import type { RequestScope } from "../analytics/after-response-events.js";
import { buildWorkerQueryEvents } from "../analytics/build-query-events.js";
import { MemoryQueryCache, NoQueryCache } from "../cache/query-cache.js";
import { type Config, ConfigError } from "../config.js";
import type { Database, Queryable } from "../db/database.js";
import { createPostgresDatabase, postgresOptionsFrom } from "../db/postgres-database.js";
import type { SqlFragment } from "../db/sql.js";
import { type ExtractionLimits, extractionLimits } from "../extract/sandbox/extraction-limits.js";
import type { Extractor } from "../extract/sandbox/extractor.js";
import { createLogger } from "../logging/logger.js";
import { DisabledRateLimiter } from "../ratelimit/memory-rate-limiter.js";
import { buildEmbedder, buildMinioObjectStore, buildReranker, buildVectorStore } from "./build-adapters.js";
import type { Deps } from "./deps.js";

/*
 * Workers entries. Imports here end up in the Worker bundle, so nothing Node-only may be
 * reached from this file: no PGlite, no filesystem store, no ioredis (see build-node-deps.ts
 * for those).
 */

/** Why each RATE_LIMITER value ends up disabled on Workers, for the startup warning. */
const limiterReason: Record<Config["RATE_LIMITER"], string> = {
  off: "RATE_LIMITER=off",
  memory: "RATE_LIMITER=memory would count per isolate, not across the deployment",
  redis: "RATE_LIMITER=redis needs ioredis, which needs raw TCP sockets that Workers do not provide",
};

/** Workers have no disk and no embedded engines: the configuration must name network services. */
function workerRequirements(config: Config): string[] {
  const issues: string[] = [];
  if (config.DB_DRIVER !== "postgres") {
    issues.push(
      `DB_DRIVER: must be "postgres" on Workers (got "${config.DB_DRIVER}"); set DATABASE_URL to a reachable Postgres`,
    );
  }
  if (config.OBJECT_STORE !== "minio") {
    issues.push(
      `OBJECT_STORE: must be "minio" on Workers (got "${config.OBJECT_STORE}"); the filesystem store needs a disk`,
    );
  }
  if (config.EMBEDDER === "onnx") {
    issues.push(
      'EMBEDDER: "onnx" runs a native library in process, which Workers cannot load; use "openai" (a server) or "builtin"',
    );
  }
  return issues;
}

/**
 * The request being served: its database connection, opened on its first query, and the work it
 * leaves for after its response (its query events), accepted until that work is over.
 */
interface RequestSlot extends RequestScope {
  db?: Database;
  tasks: (() => Promise<void>)[];
  accepting: boolean;
}

const requestSlot = new AsyncLocalStorage<RequestSlot>();

function newSlot(): RequestSlot {
  const slot: RequestSlot = {
    tasks: [],
    accepting: true,
    afterResponse(task) {
      if (slot.accepting) slot.tasks.push(task);
      return slot.accepting;
    },
  };
  return slot;
}

/** The request being served, for what it leaves for after its response. */
export function currentRequest(): RequestScope | undefined {
  return requestSlot.getStore();
}

/**
 * Runs one request with a database connection of its own. Workers forbid using a socket
 * opened by one request from another ("Cannot perform I/O on behalf of a different request"),
 * so a pool kept for the isolate's life fails on every other request; the connection is
 * closed after the response instead, through waitUntil so the client does not wait for it.
 * The work the request left for after its response runs first, over the same connection.
 */
export async function withRequestScope<T>(
  fn: () => T | Promise<T>,
  waitUntil: (promise: Promise<unknown>) => void,
): Promise<T> {
  const slot = newSlot();
  try {
    return await requestSlot.run(slot, fn);
  } finally {
    if (slot.tasks.length > 0 || slot.db !== undefined) waitUntil(requestSlot.run(slot, () => finish(slot)));
    else slot.accepting = false;
  }
}

/** Runs the tasks in turn (a task may add another), then closes the connection whatever they did. */
async function finish(slot: RequestSlot): Promise<void> {
  try {
    for (const task of slot.tasks) await task();
  } finally {
    slot.accepting = false;
    // Read now, not before the tasks: their writes may have opened it.
    if (slot.db !== undefined) await slot.db.close();
  }
}

/** A Database whose every call goes to the current request's own postgres.js client. */
function requestScopedDatabase(open: () => Database): Database {
  const current = (): Database => {
    const slot = requestSlot.getStore();
    if (slot === undefined) {
      throw new Error("database used outside withRequestScope: Workers cannot share a connection");
    }
    slot.db ??= open();
    return slot.db;
  };
  return {
    kind: "postgres",
    query: <T>(statement: SqlFragment) => current().query<T>(statement),
    transaction: <T>(fn: (tx: Queryable) => Promise<T>) => current().transaction(fn),
    execScript: (text: string) => current().execScript(text),
    ping: () => current().ping(),
    async close() {
      const slot = requestSlot.getStore();
      const db = slot?.db;
      if (slot === undefined || db === undefined) return;
      slot.db = undefined;
      await db.close();
    },
  };
}

/** What a Workers entry adds to the shared deps: only the index function extracts text. */
export interface WorkerDepsOptions {
  /** The in-process extractor, passed by the index entry alone so no other bundle holds the parsers. */
  extractor?: (limits: ExtractionLimits) => Extractor;
}

/** The extractor of a function that never extracts: reaching it is a bug, said plainly. */
function noExtractor(): Extractor {
  const refuse = () => Promise.reject(new Error("this function does not extract text (only index does)"));
  return { kind: "in-process", formats: [], extract: refuse, extractChunks: refuse, close: async () => {} };
}

export async function buildWorkerDeps(config: Config, options: WorkerDepsOptions = {}): Promise<Deps> {
  const issues = workerRequirements(config);
  if (issues.length > 0) throw new ConfigError(issues);
  const log = createLogger(config.LOG_LEVEL);
  const db = requestScopedDatabase(() => createPostgresDatabase(postgresOptionsFrom(config)));
  // A Workers-capable limiter is future work; until then say so once per isolate, loudly.
  log.warn(`rate limiting disabled on Workers: ${limiterReason[config.RATE_LIMITER]}`);
  // Unguarded here, as every dependency on Workers: each rerank request has its own time limit.
  const reranker = await buildReranker(config);
  return {
    config,
    db,
    objects: await buildMinioObjectStore(config),
    vectors: await buildVectorStore(config, db),
    embedder: await buildEmbedder(config),
    ...(reranker === undefined ? {} : { reranker }),
    // Workers have no threads to spare: the runtime's CPU and memory limits bound extraction.
    extractor: options.extractor ? options.extractor(extractionLimits(config)) : noExtractor(),
    limiter: new DisabledRateLimiter(),
    // Written after each response, over that request's connection (after-response-events.ts).
    analytics: buildWorkerQueryEvents(config, db, log, currentRequest),
    // Per isolate: Workers cannot hold a Redis connection open across requests.
    cache: config.QUERY_CACHE === "off" ? new NoQueryCache() : new MemoryQueryCache(),
    log,
    close: () => db.close(),
  };
}
