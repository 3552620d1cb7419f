import { z } from "zod";
import { nextRun, parseCron } from "./schedule/cron.js";

/**
 * Every setting Docstack reads, in one schema. This is the only module that touches
 * process.env (see loadConfigFromProcess); Workers pass their `env` binding to parseConfig.
 * The table in docs/configuration.md mirrors this file (tools/config-table.test.ts checks it).
 */
const bool = z
  .enum(["true", "false", "1", "0", "yes", "no", "on", "off"])
  .transform((v) => ["true", "1", "yes", "on"].includes(v));
const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

function isCronSchedule(value: string): boolean {
  try {
    // A schedule that never fires (30 February) is as wrong as one that cannot be read.
    nextRun(parseCron(value), new Date());
    return true;
  } catch {
    return false;
  }
}

export const configSchema = z.object({
  NODE_ENV: z
    .enum(["development", "production", "test"])
    .default("development")
    .describe("production makes SIGNING_SECRET mandatory with the filesystem store"),
  LOG_LEVEL: z
    .enum(["debug", "info", "warn", "error", "silent"])
    .default("info")
    .describe("JSON logs on stdout at this level and above"),
  HOST: z.string().default("127.0.0.1").describe("address to listen on (0.0.0.0 in containers)"),
  PORT: int(0, 65535)
    .optional()
    .describe("port; default 8080 for `npm start`, 8081–8085 for single functions"),
  /** Base URL clients use to reach Docstack (signed download links are built on it). */
  PUBLIC_URL: z
    .url()
    .optional()
    .describe("base URL clients use to reach Docstack (signed local download links start with it)"),
  DATA_DIR: z
    .string()
    .default("./.data")
    .describe("embedded data: PGlite database, objects, signing key, backups"),

  DB_DRIVER: z.enum(["pglite", "postgres"]).default("pglite").describe("`pglite` (embedded) or `postgres`"),
  DATABASE_URL: z.string().optional().describe("postgres://… (PgBouncer’s address in production)"),
  /** Set when DATABASE_URL points at PgBouncer in transaction mode: disables prepared statements. */
  DB_PGBOUNCER: bool
    .default(false)
    .describe("`true` behind PgBouncer in transaction mode: no prepared statements"),
  DB_POOL_MAX: int(1, 1000).default(10).describe("connections per process"),
  DB_STATEMENT_TIMEOUT_MS: int(100, 600_000).default(30_000).describe("statement timeout"),
  DB_CONNECT_TIMEOUT_S: int(1, 120).default(10).describe("connect timeout"),

  OBJECT_STORE: z.enum(["fs", "minio"]).default("fs").describe("`fs` (embedded) or `minio`"),
  S3_ENDPOINT: z.url().optional().describe("MinIO/S3 endpoint URL"),
  /** Endpoint put into presigned URLs, when clients reach MinIO at another address than Docstack does. */
  S3_PUBLIC_ENDPOINT: z
    .url()
    .optional()
    .describe("endpoint put into presigned URLs when clients reach MinIO at another address"),
  S3_ACCESS_KEY: z.string().optional().describe("MinIO/S3 access key"),
  S3_SECRET_KEY: z.string().optional().describe("MinIO/S3 secret key"),
  S3_BUCKET: z.string().default("docstack").describe("bucket (created if missing)"),
  S3_REGION: z.string().default("us-east-1").describe("region"),
  /** HMAC key for the filesystem store's signed download URLs; generated per process if unset. */
  SIGNING_SECRET: z
    .string()
    .min(16)
    .optional()
    .describe("HMAC key for filesystem download links; generated into DATA_DIR if unset"),
  DOWNLOAD_URL_TTL_S: int(10, 7 * 24 * 3600)
    .default(300)
    .describe("lifetime of download links, seconds"),

  VECTOR_STORE: z
    .enum(["pgvector", "chroma"])
    .default("pgvector")
    .describe("`pgvector` (embedded) or `chroma`"),
  CHROMA_URL: z.url().optional().describe("Chroma server URL"),
  CHROMA_TOKEN: z.string().optional().describe("Chroma bearer token"),

  EMBEDDER: z
    .enum(["builtin", "openai", "onnx"])
    .default("builtin")
    .describe(
      "`builtin` (lexical, offline), `openai` (any OpenAI-compatible /v1/embeddings) or `onnx` (a local model in process, Node only)",
    ),
  EMBEDDER_MODEL_DIR: z
    .string()
    .default("./.models/all-minilm-l6-v2")
    .describe(
      "`onnx`: the model directory, which says which model it holds (`docstack-model.json`): `bash infra/models/fetch-minilm.sh` fills the default, `bash infra/models/fetch-bge-small.sh` fills `./.models/bge-small-en-v1.5`",
    ),
  EMBEDDER_THREADS: int(0, 256)
    .default(1)
    .describe(
      "`onnx`: onnxruntime threads per session (EMBEDDER_SESSIONS); 0 = one per physical core of the host, container CPU limits unseen",
    ),
  EMBEDDER_SESSIONS: int(1, 64)
    .default(1)
    .describe(
      "`onnx`: forward passes run at once per process, each session in its own thread with EMBEDDER_THREADS threads (on 2 cores, 2 sessions of 1 thread indexed ×1.17 faster than 1 of 2: docs/onnx-embedder.md)",
    ),
  EMBEDDINGS_URL: z.url().optional().describe("base URL up to /v1 of the embeddings server"),
  EMBEDDINGS_API_KEY: z.string().optional().describe("bearer key for the embeddings server"),
  EMBEDDINGS_MODEL: z.string().optional().describe("model name sent to the embeddings server"),
  EMBEDDINGS_DIMENSION: int(1, 8192).optional().describe("the model’s vector size"),
  EMBED_BATCH_SIZE: int(1, 2048).default(64).describe("texts per embeddings request"),
  EMBED_TIMEOUT_MS: int(100, 600_000).default(30_000).describe("embeddings request timeout"),
  EMBEDDINGS_CONCURRENCY: int(1, 256)
    .default(4)
    .describe("`openai`: embeddings requests in flight at once, per process"),
  EMBEDDINGS_TPM: int(0, 1_000_000_000)
    .default(0)
    .describe(
      "`openai`: input tokens per minute each process may send (estimated at 4 bytes of UTF-8 per token, corrected by the server’s `usage`); 0 = no budget",
    ),
  EMBEDDINGS_RETRIES: int(0, 20)
    .default(5)
    .describe(
      "`openai`: retries of one batch after a 429 (waiting its Retry-After), a 5xx or a network error (exponential backoff with jitter)",
    ),

  /** Browser pages that may call /mcp: the MCP spec's guard against DNS rebinding. */
  MCP_ALLOWED_ORIGINS: z
    .string()
    .optional()
    .describe(
      "origins (`https://app.example.org`, comma-separated) whose browser pages may call `/mcp`; unset: a request with an `Origin` header is refused",
    ),
  RERANKER: z
    .enum(["off", "tei", "cohere", "jina"])
    .default("off")
    .describe(
      "`off`, or the rerank API that RERANK_URL speaks: `tei` (text-embeddings-inference's POST /rerank), `cohere` or `jina` (their POST …/rerank); reorders the top RERANK_DEPTH candidates of a query that asks for it",
    ),
  RERANK_URL: z
    .url()
    .optional()
    .describe(
      "the rerank endpoint, path included (TEI: http://tei:8080/rerank; Cohere …/v2/rerank; Jina …/v1/rerank)",
    ),
  RERANK_API_KEY: z.string().optional().describe("bearer key for the rerank API"),
  RERANK_MODEL: z
    .string()
    .optional()
    .describe("model name sent to the rerank API (required for `cohere` and `jina`; TEI serves one model)"),
  RERANK_TIMEOUT_MS: int(50, 60_000)
    .default(2000)
    .describe(
      "time limit of one query's reranking; past it the answer keeps the fused order (header Docstack-Rerank: fallback)",
    ),
  RERANK_DEPTH: int(1, 200)
    .default(50)
    .describe("how many of the best fused candidates are reranked (at least top_k are)"),
  RERANK_BATCH_SIZE: int(1, 1000)
    .default(32)
    .describe(
      "passages per rerank request; larger depths are sent as parallel requests (TEI refuses more than 32 by default)",
    ),
  RERANK_MAX_CHARS: int(100, 100_000)
    .default(2000)
    .describe(
      "each passage is cut to this many characters (at a word boundary) before it is sent: about the 512 tokens a cross-encoder reads",
    ),
  RERANK_DEFAULT: bool
    .default(false)
    .describe(
      "rerank the queries that do not say (`rerank` in POST /query) of collections that do not say either (their `rerank`); needs a RERANKER",
    ),

  /** Believe X-Real-IP / X-Forwarded-For (set this only behind Nginx or another proxy you run). */
  TRUST_PROXY: bool.default(false).describe("believe X-Real-IP/X-Forwarded-For (only behind your own proxy)"),
  RATE_LIMITER: z
    .enum(["memory", "redis", "off"])
    .default("memory")
    .describe("`memory` (one process), `redis` (shared by replicas) or `off`"),
  REDIS_URL: z.string().optional().describe("redis://…"),
  REDIS_TIMEOUT_MS: int(10, 60_000).default(500).describe("Redis command timeout for limit checks"),
  /** Readiness detail names adapters, latencies and errors (hosts, ports): for operators only. */
  HEALTH_DETAIL: z
    .enum(["key", "public"])
    .default("key")
    .describe("`/health/ready`'s per-dependency detail: for callers with an API key, or `public`"),
  /** For a load balancer that probes readiness: it stops sending before the port closes. */
  SHUTDOWN_DELAY_S: int(0, 300)
    .default(0)
    .describe(
      "after SIGTERM, seconds readiness answers 503 while requests are still taken (for load balancers that probe it); a second signal ends the wait",
    ),
  /** Compose's stop_grace_period (30 s) leaves room for this plus the worker's release and the clients' close. */
  SHUTDOWN_GRACE_S: int(1, 3600)
    .default(25)
    .describe(
      "after SIGTERM (and SHUTDOWN_DELAY_S), seconds requests in flight have to finish; past it their connections are cut. Keep delay + grace below the platform's kill (Compose: 30 s)",
    ),
  /** What a request gets when Redis cannot answer in time: allowed (open) or 503 (closed). */
  RATE_LIMIT_FAIL_MODE: z
    .enum(["open", "closed"])
    .default("open")
    .describe("when Redis fails: `open` lets requests through, `closed` answers 503"),
  RATE_LIMIT_WINDOW_S: int(1, 3600).default(60).describe("rate-limit window, seconds"),
  RATE_LIMIT_QUERY: int(1, 1_000_000).default(600).describe("queries per window per client"),
  RATE_LIMIT_UPLOAD: int(1, 1_000_000).default(60).describe("uploads per window per client"),
  RATE_LIMIT_DEFAULT: int(1, 1_000_000).default(1200).describe("other requests per window per client"),

  MAX_UPLOAD_BYTES: int(1, 10 * 1024 ** 3)
    .default(100 * 1024 * 1024)
    .describe("largest accepted file"),
  MAX_JSON_BYTES: int(1024, 100 * 1024 * 1024)
    .default(1024 * 1024)
    .describe("largest accepted JSON body"),

  INDEX_WORKER: bool.default(true).describe("run the index worker in `npm start` and in the index function"),
  INDEX_POLL_MS: int(50, 600_000).default(1000).describe("worker’s sleep when nothing is pending"),
  INDEX_BATCH: int(1, 1000).default(8).describe("documents a worker claims at once"),
  INDEX_CONCURRENCY: int(1, 1000)
    .default(8)
    .describe(
      "documents one worker has in flight (fetched, extracted, embedded, written), their stages overlapping",
    ),
  INDEX_INFLIGHT_MB: int(1, 65_536)
    .default(256)
    .describe(
      "memory of the documents one worker has in flight (files, text, chunks, vectors); a larger document runs alone",
    ),
  INDEX_EMBED_WAIT_MS: int(0, 60_000)
    .default(50)
    .describe(
      "how long an embedding request that is not full waits for the chunks of documents still being extracted",
    ),
  /** A claimed document whose worker has been silent this long is claimed again (crash recovery). */
  INDEX_LEASE_S: int(5, 86_400)
    .default(600)
    .describe(
      "a claim not renewed this long is taken over (crashed worker); a live worker renews its claims",
    ),
  INDEX_MAX_ATTEMPTS: int(1, 100)
    .default(3)
    .describe(
      "a document whose indexing was started this many times without finishing (a crash, a kill) ends `failed`",
    ),
  INDEX_MAX_CHUNKS: int(1, 10_000_000)
    .default(20_000)
    .describe("chunks per document; a document that would have more fails, nothing of it indexed"),
  EXTRACT_WORKERS: int(0, 256)
    .default(0)
    .describe("worker threads that extract text (Node); 0 = one per core"),
  EXTRACT_TIMEOUT_S: int(1, 86_400)
    .default(120)
    .describe(
      "time limit of one document's extraction; past it the document fails (must stay below INDEX_LEASE_S)",
    ),
  EXTRACT_MEMORY_MB: int(64, 65_536)
    .default(512)
    .describe(
      "memory of one extraction (JS heap, and buffers checked every 100 ms); past it the document fails",
    ),
  EXTRACT_MAX_PAGES: int(1, 1_000_000).default(5000).describe("pages per PDF; a longer one fails"),
  EXTRACT_MAX_CHARS: int(1000, 1_000_000_000)
    .default(10_000_000)
    .describe("characters of extracted text per document; a longer one fails"),
  EXTRACT_MAX_UNZIPPED_MB: int(1, 65_536)
    .default(256)
    .describe("what a DOCX (or other ZIP-based file) may expand to; checked before and while inflating"),
  EXTRACT_MAX_CELLS: int(1000, 100_000_000)
    .default(1_000_000)
    .describe(
      "spreadsheet cells (XLSX, ODS) or presentation shapes and table cells (PPTX) read per document, empty ones included; past it the document fails",
    ),
  OCR_MAX_PAGES: int(1, 100_000)
    .default(50)
    .describe("pages of one document OCR reads (scanned PDF pages, TIFF pages); a document with more fails"),
  OCR_TIMEOUT_S: int(1, 86_400)
    .default(300)
    .describe(
      "time limit of one document's extraction once it needs OCR (replaces EXTRACT_TIMEOUT_S; must stay below INDEX_LEASE_S)",
    ),

  QUERY_CACHE: z
    .enum(["auto", "memory", "redis", "off"])
    .default("auto")
    .describe("query answer cache: `auto` = Redis when REDIS_URL is set, else in-process memory"),
  QUERY_CACHE_TTL_S: int(0, 86_400)
    .default(60)
    .describe(
      "seconds a cached query answer is kept (0 disables caching; identical queries in flight still run once)",
    ),
  ANALYTICS: z
    .enum(["on", "off"])
    .default("on")
    .describe(
      "record one event per query for retrieval analytics (never the text unless the collection's analytics_text allows it)",
    ),
  ANALYTICS_RETENTION_DAYS: int(1, 3650)
    .default(90)
    .describe(
      "query events (daily partitions) and feedback older than this are dropped by the worker; the DR drill compares only younger ones",
    ),
  ANALYTICS_MIN_COUNT: int(1, 1_000_000)
    .default(10)
    .describe(
      "a group of queries (the same text) is shown by the analytics routes only from this many queries up",
    ),
  ANALYTICS_EPSILON: z.coerce
    .number()
    .positive()
    .max(100)
    .optional()
    .describe(
      "when set, Laplace noise of scale 1/ε on the counts GET /analytics/queries and /analytics/documents publish (smaller: more noise)",
    ),
  ANALYTICS_BUFFER: int(1, 1_000_000)
    .default(10_000)
    .describe(
      "query events held in memory for writing; past it new events are dropped and counted, never a query slowed",
    ),
  ANALYTICS_HASH_KEY: z
    .string()
    .min(16)
    .optional()
    .describe(
      "secret key of the hashes of query texts (analytics_text hashed or full); unset: a key made for the installation and kept in the database",
    ),
  AUDIT_RETENTION_MONTHS: int(1, 1200)
    .default(24)
    .describe("audit log partitions (months) older than this are dropped by the worker"),
  ADMISSION: z
    .enum(["adaptive", "off"])
    .default("adaptive")
    .describe(
      "adaptive admission control: each process limits its concurrent requests per route class to what keeps their latency near its measured baseline, and answers the rest at once with 503 `overloaded` (probes and metrics are never refused)",
    ),
  ADMISSION_MIN_LIMIT: int(1, 10_000)
    .default(2)
    .describe(
      "the least concurrent requests per route class a process admits (and the concurrency its baseline is measured at)",
    ),
  ADMISSION_MAX_LIMIT: int(1, 100_000)
    .default(1000)
    .describe("the most concurrent requests per route class a process admits, however fast they are"),
  ADMISSION_BASELINE_INTERVAL_S: int(5, 86_400)
    .default(60)
    .describe(
      "how often (±15 %) the unloaded latency is measured again, by holding the limit at ADMISSION_MIN_LIMIT for 25 requests",
    ),
  BREAKER_FAILURES: int(1, 1000)
    .default(3)
    .describe("consecutive failures of a dependency that open its circuit breaker"),
  BREAKER_RECOVERY_S: int(1, 3600)
    .default(30)
    .describe("an open breaker fails fast this long, then lets one probe through"),
  OUTBOUND_TIMEOUT_MS: int(100, 600_000)
    .default(10_000)
    .describe("time limit of each call to MinIO and Chroma (uploads' streams excepted)"),

  BACKUP_DIR: z
    .string()
    .optional()
    .describe("where backups are written and their manifests read (default DATA_DIR/backups)"),
  /** pg_dump needs a session: through PgBouncer in transaction mode it is not reliable. */
  BACKUP_DATABASE_URL: z
    .string()
    .optional()
    .describe("URL pg_dump/pg_restore use (default DATABASE_URL); point it at PostgreSQL, not PgBouncer"),
  BACKUP_RETENTION_DAYS: int(0, 36_500)
    .default(30)
    .describe("backups older than this many days are deleted (but see BACKUP_KEEP_MIN)"),
  BACKUP_KEEP_MIN: int(1, 10_000)
    .default(7)
    .describe("the newest this many complete backups are always kept, whatever their age"),
  BACKUP_STALE_HOURS: z.coerce
    .number()
    .positive()
    .default(25)
    .describe("a component’s latest backup older than this is stale"),
  BACKUP_RPO_HOURS: z.coerce
    .number()
    .positive()
    .default(24)
    .describe("recovery point objective: the most data (hours) a restore may lose; backup-status checks it"),
  BACKUP_RTO_MINUTES: z.coerce
    .number()
    .positive()
    .default(60)
    .describe("recovery time objective: the longest a restore may take; checked against the last drill"),
  BACKUP_SCHEDULE: z
    .string()
    .default("30 2 * * *")
    .refine(isCronSchedule, "BACKUP_SCHEDULE must be a 5-field cron schedule, e.g. 30 2 * * *")
    .describe("cron schedule (UTC, 5 fields) of `npm run backup:scheduler` / the Compose `backup` service"),
});

export type Config = z.infer<typeof configSchema>;

export class ConfigError extends Error {
  constructor(readonly issues: string[]) {
    super(`Invalid configuration:\n  ${issues.join("\n  ")}`);
    this.name = "ConfigError";
  }
}

/** Cross-field rules: a chosen adapter must have what it needs. */
function requirements(c: Config): string[] {
  const missing: string[] = [];
  const need = (name: keyof Config, when: string) => {
    if (c[name] === undefined || c[name] === "") missing.push(`${name}: required when ${when}`);
  };
  if (c.DB_DRIVER === "postgres") need("DATABASE_URL", "DB_DRIVER=postgres");
  if (c.OBJECT_STORE === "minio") {
    need("S3_ENDPOINT", "OBJECT_STORE=minio");
    need("S3_ACCESS_KEY", "OBJECT_STORE=minio");
    need("S3_SECRET_KEY", "OBJECT_STORE=minio");
  }
  if (c.VECTOR_STORE === "chroma") need("CHROMA_URL", "VECTOR_STORE=chroma");
  if (c.EMBEDDER === "openai") {
    need("EMBEDDINGS_URL", "EMBEDDER=openai");
    need("EMBEDDINGS_MODEL", "EMBEDDER=openai");
    need("EMBEDDINGS_DIMENSION", "EMBEDDER=openai");
  }
  if (c.RATE_LIMITER === "redis") need("REDIS_URL", "RATE_LIMITER=redis");
  if (c.RERANKER !== "off") need("RERANK_URL", `RERANKER=${c.RERANKER}`);
  if (c.RERANKER === "cohere" || c.RERANKER === "jina") need("RERANK_MODEL", `RERANKER=${c.RERANKER}`);
  if (c.RERANK_DEFAULT && c.RERANKER === "off")
    missing.push("RERANK_DEFAULT: needs a reranker (set RERANKER and RERANK_URL), or leave it false");

  if (c.EXTRACT_TIMEOUT_S >= c.INDEX_LEASE_S) {
    // Otherwise a slow extraction's claim is taken over by another worker while it still runs.
    missing.push(
      `EXTRACT_TIMEOUT_S: must be below INDEX_LEASE_S (${c.EXTRACT_TIMEOUT_S} >= ${c.INDEX_LEASE_S})`,
    );
  }
  if (c.OCR_TIMEOUT_S >= c.INDEX_LEASE_S) {
    missing.push(`OCR_TIMEOUT_S: must be below INDEX_LEASE_S (${c.OCR_TIMEOUT_S} >= ${c.INDEX_LEASE_S})`);
  }
  if (c.ADMISSION_MIN_LIMIT > c.ADMISSION_MAX_LIMIT) {
    missing.push(
      `ADMISSION_MIN_LIMIT: must not exceed ADMISSION_MAX_LIMIT (${c.ADMISSION_MIN_LIMIT} > ${c.ADMISSION_MAX_LIMIT})`,
    );
  }
  if (c.NODE_ENV === "production" && c.OBJECT_STORE === "fs" && c.SIGNING_SECRET === undefined) {
    missing.push(
      "SIGNING_SECRET: required in production with OBJECT_STORE=fs (download links must survive restarts)",
    );
  }
  return missing;
}

export function parseConfig(source: Record<string, unknown>): Config {
  // Empty strings mean "unset", as in most .env files.
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== "" && v !== undefined));
  const result = configSchema.safeParse(cleaned);
  if (!result.success) {
    throw new ConfigError(
      result.error.issues.map(
        (i) => `${i.path.join(".")}: ${i.message} (got ${JSON.stringify(cleaned[String(i.path[0])])})`,
      ),
    );
  }
  const missing = requirements(result.data);
  if (missing.length > 0) throw new ConfigError(missing);
  return result.data;
}

/** For Node entries only. */
export function loadConfigFromProcess(overrides: Record<string, string> = {}): Config {
  return parseConfig({ ...process.env, ...overrides });
}

/**
 * The environment for a child process (pg_dump, pg_restore): this process's own, plus `extra`.
 * Here because this is the one module that reads process.env.
 */
export function childProcessEnv(extra: Record<string, string> = {}): Record<string, string | undefined> {
  return { ...process.env, ...extra };
}
