import { randomBytes } from "node:crypto";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { MemoryQueryCache, NoQueryCache, type QueryCache } from "../cache/query-cache.js";
import { RedisQueryCache } from "../cache/redis-query-cache.js";
import type { Config } from "../config.js";
import type { Database } from "../db/database.js";
import { guardDriverStrays } from "../db/driver-strays.js";
import { migrate } from "../db/migrate.js";
import { openDatabase } from "../db/open-database.js";
import { extractionLimits } from "../extract/sandbox/extraction-limits.js";
import { workerPoolExtractor } from "../extract/sandbox/worker-pool-extractor.js";
import { createLogger, type Logger } from "../logging/logger.js";
import { DisabledRateLimiter, MemoryRateLimiter } from "../ratelimit/memory-rate-limiter.js";
import type { RateLimiter } from "../ratelimit/rate-limiter.js";
import { RedisRateLimiter } from "../ratelimit/redis-rate-limiter.js";
import { guardDeps } from "../resilience/guard-deps.js";
import { FsObjectStore } from "../storage/fs-object-store.js";
import type { ObjectStore } from "../storage/object-store.js";
import { preparePrivateDataDir, privateDirMode, privateFileMode } from "../storage/private-files.js";
import { buildEmbedder, buildMinioObjectStore, buildVectorStore } from "./build-adapters.js";
import { buildNodeEmbedder } from "./build-node-embedder.js";
import type { Deps } from "./deps.js";

// Re-exported so existing importers of this module keep working after the move.
export { buildEmbedder, buildVectorStore };

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

export function buildObjectStore(config: Config, baseUrl: string, secret?: string): ObjectStore {
  if (config.OBJECT_STORE === "minio") return buildMinioObjectStore(config);
  return new FsObjectStore({
    root: join(config.DATA_DIR, "objects"),
    publicUrl: baseUrl,
    ...(secret ? { signingSecret: secret } : {}),
  });
}

export function buildRateLimiter(config: Config, log: Logger): RateLimiter {
  if (config.RATE_LIMITER === "redis") {
    return new RedisRateLimiter({
      url: config.REDIS_URL ?? "",
      timeoutMs: config.REDIS_TIMEOUT_MS,
      failMode: config.RATE_LIMIT_FAIL_MODE,
      onDegraded: (error) =>
        log.warn("rate limiter degraded", { policy: config.RATE_LIMIT_FAIL_MODE, error }),
    });
  }
  if (config.RATE_LIMITER === "off") return new DisabledRateLimiter();
  return new MemoryRateLimiter();
}

export function buildQueryCache(config: Config, log: Logger): QueryCache {
  const mode = config.QUERY_CACHE === "auto" ? (config.REDIS_URL ? "redis" : "memory") : config.QUERY_CACHE;
  if (mode === "off") return new NoQueryCache();
  if (mode === "memory") return new MemoryQueryCache();
  if (!config.REDIS_URL) throw new Error("QUERY_CACHE=redis needs REDIS_URL");
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
}

/** Node entries: the configuration picks each adapter; nothing falls back silently. */
export async function buildNodeDeps(config: Config, options: NodeDepsOptions): Promise<Deps> {
  const log = createLogger(config.LOG_LEVEL);
  if (config.DB_DRIVER === "postgres")
    guardDriverStrays((error) => log.error("postgres.js lost an error of its own; carrying on", { error }));
  if (config.OBJECT_STORE === "fs") await preparePrivateDataDir(config.DATA_DIR, log);
  const db = options.db ?? (await openDatabase(config, log));
  if (options.migrate ?? config.DB_DRIVER === "pglite") await migrate(db);
  const limiter = buildRateLimiter(config, log);
  const cache = buildQueryCache(config, log);
  const vectors = buildVectorStore(config, db);
  const embedder = await buildNodeEmbedder(config);
  // A missing pgvector extension is a configuration error: say so at startup, not at first query.
  if (vectors.kind === "pgvector") await vectors.ping();
  // Threads start with the first document and exit when idle; a serving-only process pays nothing.
  const extractor = workerPoolExtractor(extractionLimits(config), {
    threads: config.EXTRACT_WORKERS,
    onError: (error) => log.error("extraction thread failed", { error }),
  });
  const deps: Deps = {
    config,
    db,
    objects: buildObjectStore(
      config,
      publicUrl(config, options.port),
      config.OBJECT_STORE === "fs" ? await signingSecret(config) : undefined,
    ),
    vectors,
    embedder,
    extractor,
    limiter,
    cache,
    log,
    async close() {
      await extractor.close();
      if (limiter instanceof RedisRateLimiter) await limiter.close();
      await cache.close();
      if (options.db === undefined) await db.close();
    },
  };
  return guardDeps(deps, config);
}
