import { randomBytes } from "node:crypto";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { buildQueryEvents } from "../analytics/build-query-events.js";
import { MemoryQueryCache, NoQueryCache, type QueryCache } from "../cache/query-cache.js";
import type { Config } from "../config.js";
import type { Database } from "../db/database.js";
import { guardDriverStrays } from "../db/driver-strays.js";
import { openDatabase } from "../db/open-database.js";
import { extractionLimits } from "../extract/sandbox/extraction-limits.js";
import { lazyExtractor } from "../extract/sandbox/lazy-extractor.js";
import { createLogger, type Logger } from "../logging/logger.js";
import { DisabledRateLimiter, MemoryRateLimiter } from "../ratelimit/memory-rate-limiter.js";
import type { RateLimiter } from "../ratelimit/rate-limiter.js";
import { guardDeps } from "../resilience/guard-deps.js";
import { FsObjectStore } from "../storage/fs-object-store.js";
import type { ObjectStore } from "../storage/object-store.js";
import { preparePrivateDataDir, privateDirMode, privateFileMode } from "../storage/private-files.js";
import { buildMinioObjectStore, buildReranker, buildVectorStore } from "./build-adapters.js";
import { buildNodeEmbedder } from "./build-node-embedder.js";
import type { Deps } from "./deps.js";

export function publicUrl(config: Config, port: number): string {
  return config.PUBLIC_URL ?? `http://${config.HOST === "0.0.0.0" ? "localhost" : config.HOST}:${port}`;
}

/**
 * The filesystem store's link-signing key: SIGNING_SECRET when set, else one generated on first
 * start and kept in the data directory, so links survive restarts of the embedded default.
 */
async function signingSecret(config: Config): Promise<string> {
  if (config.SIGNING_SECRET) return config.SIGNING_SECRET;
  const file = join(config.DATA_DIR, "signing.key");
  try {
    return (await readFile(file, "utf8")).trim();
  } catch {
    await mkdir(config.DATA_DIR, { recursive: true, mode: privateDirMode });
    const secret = randomBytes(32).toString("base64url");
    await writeFile(file, secret, { mode: privateFileMode, flag: "wx" }).catch(() => {});
    return (await readFile(file, "utf8")).trim();
  }
}

export async function buildObjectStore(
  config: Config,
  baseUrl: string,
  secret?: string,
): Promise<ObjectStore> {
  if (config.OBJECT_STORE === "minio") return buildMinioObjectStore(config);
  return new FsObjectStore({
    root: join(config.DATA_DIR, "objects"),
    publicUrl: baseUrl,
    ...(secret ? { signingSecret: secret } : {}),
  });
}

/** A limiter and what closing it takes (the Redis one holds a connection). */
interface BuiltLimiter {
  limiter: RateLimiter;
  close(): Promise<void>;
}

export async function buildRateLimiter(config: Config, log: Logger): Promise<BuiltLimiter> {
  if (config.RATE_LIMITER === "redis") {
    const { RedisRateLimiter } = await import("../ratelimit/redis-rate-limiter.js");
    const limiter = new RedisRateLimiter({
      url: config.REDIS_URL ?? "",
      timeoutMs: config.REDIS_TIMEOUT_MS,
      failMode: config.RATE_LIMIT_FAIL_MODE,
      onDegraded: (error) =>
        log.warn("rate limiter degraded", { policy: config.RATE_LIMIT_FAIL_MODE, error }),
    });
    return { limiter, close: () => limiter.close() };
  }
  const limiter = config.RATE_LIMITER === "off" ? new DisabledRateLimiter() : new MemoryRateLimiter();
  return { limiter, close: async () => {} };
}

export async function buildQueryCache(config: Config, log: Logger): Promise<QueryCache> {
  const mode = config.QUERY_CACHE === "auto" ? (config.REDIS_URL ? "redis" : "memory") : config.QUERY_CACHE;
  if (mode === "off") return new NoQueryCache();
  if (mode === "memory") return new MemoryQueryCache();
  if (!config.REDIS_URL) throw new Error("QUERY_CACHE=redis needs REDIS_URL");
  const { RedisQueryCache } = await import("../cache/redis-query-cache.js");
  let lastLogged = 0;
  return new RedisQueryCache(config.REDIS_URL, config.REDIS_TIMEOUT_MS, (error) => {
    // Once a minute at most: a Redis outage would otherwise log on every query.
    if (Date.now() - lastLogged < 60_000) return;
    lastLogged = Date.now();
    log.warn("query cache degraded (answering from the stores)", { error });
  });
}

export interface NodeDepsOptions {
  /** The port this process serves on; used for the filesystem store's signed links. */
  port: number;
  /** Apply migrations at startup (embedded default; real stacks run `npm run migrate`). */
  migrate?: boolean;
  /** Injected database (tests share one PGlite per file). */
  db?: Database;
  /**
   * A startup check against the database (production's key check), run while the other adapters
   * are built: its round trips overlap their loading. Its failure fails the build, once every
   * adapter built so far is closed.
   */
  check?: (db: Database) => Promise<void>;
}

/** Node entries: the configuration picks each adapter; nothing falls back silently. */
export async function buildNodeDeps(config: Config, options: NodeDepsOptions): Promise<Deps> {
  const log = createLogger(config.LOG_LEVEL);
  if (config.DB_DRIVER === "postgres")
    guardDriverStrays((error) => log.error("postgres.js lost an error of its own; carrying on", { error }));
  if (config.OBJECT_STORE === "fs") await preparePrivateDataDir(config.DATA_DIR, log);
  const db = options.db ?? (await openDatabase(config, log));
  if (options.migrate ?? config.DB_DRIVER === "pglite") {
    const { migrate } = await import("../db/migrate.js");
    await migrate(db);
  }
  // Settled into a value at once: a rejection left unobserved while the adapters load would be
  // reported as unhandled.
  const checked = options.check?.(db).then(
    () => ({ ok: true as const }),
    (error: unknown) => ({ ok: false as const, error }),
  );
  const { limiter, close: closeLimiter } = await buildRateLimiter(config, log);
  const cache = await buildQueryCache(config, log);
  const vectors = await buildVectorStore(config, db);
  const embedder = await buildNodeEmbedder(config);
  const reranker = await buildReranker(config);
  // A missing pgvector extension is a configuration error: say so at startup, not at first query.
  if (vectors.kind === "pgvector") await vectors.ping();
  // The pool is loaded with the first document and its threads exit when idle: a serving-only
  // process (query, health) pays nothing for it.
  const extractor = lazyExtractor("worker-threads", "all", async () => {
    const { workerPoolExtractor } = await import("../extract/sandbox/worker-pool-extractor.js");
    return workerPoolExtractor(extractionLimits(config), {
      threads: config.EXTRACT_WORKERS,
      onError: (error) => log.error("extraction thread failed", { error }),
    });
  });
  const analytics = buildQueryEvents(config, db, log);
  const deps: Deps = {
    config,
    db,
    objects: await buildObjectStore(
      config,
      publicUrl(config, options.port),
      config.OBJECT_STORE === "fs" ? await signingSecret(config) : undefined,
    ),
    vectors,
    embedder,
    ...(reranker === undefined ? {} : { reranker }),
    extractor,
    limiter,
    cache,
    analytics,
    log,
    async close() {
      await extractor.close();
      // Before the database goes: the events still buffered are written.
      await analytics.close();
      await closeLimiter();
      await cache.close();
      if (options.db === undefined) await db.close();
    },
  };
  const outcome = await checked;
  if (outcome && !outcome.ok) {
    await deps.close();
    throw outcome.error;
  }
  return guardDeps(deps, config);
}
