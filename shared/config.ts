import { z } from "zod";

/**
 * Every setting Docstack reads, in one schema. This is the only module that touches
 * process.env (see loadConfigFromProcess); Workers pass their `env` binding to parseConfig.
 * The README's configuration table mirrors this file.
 */
const bool = z
  .enum(["true", "false", "1", "0", "yes", "no", "on", "off"])
  .transform((v) => ["true", "1", "yes", "on"].includes(v));
const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

export const configSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error", "silent"]).default("info"),
  HOST: z.string().default("127.0.0.1"),
  PORT: int(0, 65535).optional(),
  /** Base URL clients use to reach Docstack (signed download links are built on it). */
  PUBLIC_URL: z.url().optional(),
  DATA_DIR: z.string().default("./.data"),

  DB_DRIVER: z.enum(["pglite", "postgres"]).default("pglite"),
  DATABASE_URL: z.string().optional(),
  /** Set when DATABASE_URL points at PgBouncer in transaction mode: disables prepared statements. */
  DB_PGBOUNCER: bool.default(false),
  DB_POOL_MAX: int(1, 1000).default(10),
  DB_STATEMENT_TIMEOUT_MS: int(100, 600_000).default(30_000),
  DB_CONNECT_TIMEOUT_S: int(1, 120).default(10),

  OBJECT_STORE: z.enum(["fs", "minio"]).default("fs"),
  S3_ENDPOINT: z.url().optional(),
  /** Endpoint put into presigned URLs, when clients reach MinIO at another address than Docstack does. */
  S3_PUBLIC_ENDPOINT: z.url().optional(),
  S3_ACCESS_KEY: z.string().optional(),
  S3_SECRET_KEY: z.string().optional(),
  S3_BUCKET: z.string().default("docstack"),
  S3_REGION: z.string().default("us-east-1"),
  /** HMAC key for the filesystem store's signed download URLs; generated per process if unset. */
  SIGNING_SECRET: z.string().min(16).optional(),
  DOWNLOAD_URL_TTL_S: int(10, 7 * 24 * 3600).default(300),

  VECTOR_STORE: z.enum(["pgvector", "chroma"]).default("pgvector"),
  CHROMA_URL: z.url().optional(),
  CHROMA_TOKEN: z.string().optional(),

  EMBEDDER: z.enum(["builtin", "openai"]).default("builtin"),
  EMBEDDINGS_URL: z.url().optional(),
  EMBEDDINGS_API_KEY: z.string().optional(),
  EMBEDDINGS_MODEL: z.string().optional(),
  EMBEDDINGS_DIMENSION: int(1, 8192).optional(),
  EMBED_BATCH_SIZE: int(1, 2048).default(64),
  EMBED_TIMEOUT_MS: int(100, 600_000).default(30_000),

  /** Believe X-Real-IP / X-Forwarded-For (set this only behind Nginx or another proxy you run). */
  TRUST_PROXY: bool.default(false),
  RATE_LIMITER: z.enum(["memory", "redis", "off"]).default("memory"),
  REDIS_URL: z.string().optional(),
  REDIS_TIMEOUT_MS: int(10, 60_000).default(500),
  /** What a request gets when Redis cannot answer in time: allowed (open) or 503 (closed). */
  RATE_LIMIT_FAIL_MODE: z.enum(["open", "closed"]).default("open"),
  RATE_LIMIT_WINDOW_S: int(1, 3600).default(60),
  RATE_LIMIT_QUERY: int(1, 1_000_000).default(600),
  RATE_LIMIT_UPLOAD: int(1, 1_000_000).default(60),
  RATE_LIMIT_DEFAULT: int(1, 1_000_000).default(1200),

  MAX_UPLOAD_BYTES: int(1, 10 * 1024 ** 3).default(100 * 1024 * 1024),
  MAX_JSON_BYTES: int(1024, 100 * 1024 * 1024).default(1024 * 1024),

  INDEX_WORKER: bool.default(true),
  INDEX_POLL_MS: int(50, 600_000).default(1000),
  INDEX_BATCH: int(1, 1000).default(8),
  /** A claimed document whose worker has been silent this long is claimed again (crash recovery). */
  INDEX_LEASE_S: int(5, 86_400).default(600),

  BACKUP_DIR: z.string().optional(),
  BACKUP_STALE_HOURS: z.coerce.number().positive().default(25),
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
