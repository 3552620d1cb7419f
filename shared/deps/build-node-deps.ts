import { join } from "node:path";
import type { Config } from "../config.js";
import type { Database } from "../db/database.js";
import { migrate } from "../db/migrate.js";
import { openDatabase } from "../db/open-database.js";
import type { Embedder } from "../embeddings/embedder.js";
import { LexicalEmbedder } from "../embeddings/lexical-embedder.js";
import { OpenAiEmbedder } from "../embeddings/openai-embedder.js";
import { createLogger, type Logger } from "../logging/logger.js";
import { DisabledRateLimiter, MemoryRateLimiter } from "../ratelimit/memory-rate-limiter.js";
import type { RateLimiter } from "../ratelimit/rate-limiter.js";
import { RedisRateLimiter } from "../ratelimit/redis-rate-limiter.js";
import { FsObjectStore } from "../storage/fs-object-store.js";
import { MinioObjectStore } from "../storage/minio-object-store.js";
import type { ObjectStore } from "../storage/object-store.js";
import { ChromaStore } from "../vectors/chroma-store.js";
import { PgvectorStore } from "../vectors/pgvector-store.js";
import type { VectorStore } from "../vectors/vector-store.js";
import type { Deps } from "./deps.js";

export function publicUrl(config: Config, port: number): string {
  return config.PUBLIC_URL ?? `http://${config.HOST === "0.0.0.0" ? "localhost" : config.HOST}:${port}`;
}

export function buildObjectStore(config: Config, baseUrl: string): ObjectStore {
  if (config.OBJECT_STORE === "minio") {
    return new MinioObjectStore({
      endpoint: config.S3_ENDPOINT ?? "",
      ...(config.S3_PUBLIC_ENDPOINT ? { publicEndpoint: config.S3_PUBLIC_ENDPOINT } : {}),
      accessKey: config.S3_ACCESS_KEY ?? "",
      secretKey: config.S3_SECRET_KEY ?? "",
      bucket: config.S3_BUCKET,
      region: config.S3_REGION,
    });
  }
  return new FsObjectStore({
    root: join(config.DATA_DIR, "objects"),
    publicUrl: baseUrl,
    ...(config.SIGNING_SECRET ? { signingSecret: config.SIGNING_SECRET } : {}),
  });
}

export function buildVectorStore(config: Config, db: Database): VectorStore {
  if (config.VECTOR_STORE === "chroma") {
    return new ChromaStore({
      url: config.CHROMA_URL ?? "",
      ...(config.CHROMA_TOKEN ? { token: config.CHROMA_TOKEN } : {}),
    });
  }
  return new PgvectorStore(db);
}

export function buildEmbedder(config: Config): Embedder {
  if (config.EMBEDDER === "openai") {
    return new OpenAiEmbedder({
      url: config.EMBEDDINGS_URL ?? "",
      ...(config.EMBEDDINGS_API_KEY ? { apiKey: config.EMBEDDINGS_API_KEY } : {}),
      model: config.EMBEDDINGS_MODEL ?? "",
      dimension: config.EMBEDDINGS_DIMENSION ?? 0,
      batchSize: config.EMBED_BATCH_SIZE,
      timeoutMs: config.EMBED_TIMEOUT_MS,
    });
  }
  return new LexicalEmbedder();
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
  const db = options.db ?? (await openDatabase(config));
  if (options.migrate ?? config.DB_DRIVER === "pglite") await migrate(db);
  const limiter = buildRateLimiter(config, log);
  return {
    config,
    db,
    objects: buildObjectStore(config, publicUrl(config, options.port)),
    vectors: buildVectorStore(config, db),
    embedder: buildEmbedder(config),
    limiter,
    log,
    async close() {
      if (limiter instanceof RedisRateLimiter) await limiter.close();
      if (options.db === undefined) await db.close();
    },
  };
}
