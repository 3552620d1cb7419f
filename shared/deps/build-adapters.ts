import { type Config, ConfigError } from "../config.js";
import type { Database } from "../db/database.js";
import type { Embedder } from "../embeddings/embedder.js";
import type { Reranker } from "../rerank/reranker.js";
import type { ObjectStore } from "../storage/object-store.js";
import type { VectorStore } from "../vectors/vector-store.js";

/*
 * Adapter builders shared by the Node and Workers entries. This module must stay free of
 * Node-only engines (PGlite, the filesystem store, ioredis): the Workers bundle imports it.
 * Each adapter is imported when the configuration picks it, so a process loads only its own
 * clients (the embedded default never loads minio or chromadb).
 */

export async function buildMinioObjectStore(config: Config): Promise<ObjectStore> {
  const { MinioObjectStore } = await import("../storage/minio-object-store.js");
  return new MinioObjectStore({
    endpoint: config.S3_ENDPOINT ?? "",
    ...(config.S3_PUBLIC_ENDPOINT ? { publicEndpoint: config.S3_PUBLIC_ENDPOINT } : {}),
    accessKey: config.S3_ACCESS_KEY ?? "",
    secretKey: config.S3_SECRET_KEY ?? "",
    bucket: config.S3_BUCKET,
    region: config.S3_REGION,
  });
}

export async function buildVectorStore(config: Config, db: Database): Promise<VectorStore> {
  if (config.VECTOR_STORE === "chroma") {
    const { ChromaStore } = await import("../vectors/chroma-store.js");
    return new ChromaStore({
      url: config.CHROMA_URL ?? "",
      ...(config.CHROMA_TOKEN ? { token: config.CHROMA_TOKEN } : {}),
    });
  }
  const { PgvectorStore } = await import("../vectors/pgvector-store.js");
  return new PgvectorStore(db);
}

/** The embedders both runtimes can build; EMBEDDER=onnx is Node's (build-node-embedder.ts). */
export async function buildEmbedder(config: Config): Promise<Embedder> {
  if (config.EMBEDDER === "onnx") {
    throw new ConfigError([
      "EMBEDDER: onnx runs onnxruntime's native library in process, which only Node entries load",
    ]);
  }
  if (config.EMBEDDER === "openai") {
    const { OpenAiEmbedder } = await import("../embeddings/openai-embedder.js");
    return new OpenAiEmbedder({
      url: config.EMBEDDINGS_URL ?? "",
      ...(config.EMBEDDINGS_API_KEY ? { apiKey: config.EMBEDDINGS_API_KEY } : {}),
      model: config.EMBEDDINGS_MODEL ?? "",
      dimension: config.EMBEDDINGS_DIMENSION ?? 0,
      batchSize: config.EMBED_BATCH_SIZE,
      timeoutMs: config.EMBED_TIMEOUT_MS,
      concurrency: config.EMBEDDINGS_CONCURRENCY,
      tokensPerMinute: config.EMBEDDINGS_TPM,
      retries: config.EMBEDDINGS_RETRIES,
    });
  }
  const { LexicalEmbedder } = await import("../embeddings/lexical-embedder.js");
  return new LexicalEmbedder();
}

/** The reranker RERANKER names, or none; a remote API, so both runtimes build it alike. */
export async function buildReranker(config: Config): Promise<Reranker | undefined> {
  if (config.RERANKER === "off") return undefined;
  const { RemoteReranker } = await import("../rerank/remote-reranker.js");
  return new RemoteReranker({
    api: config.RERANKER,
    url: config.RERANK_URL ?? "",
    ...(config.RERANK_API_KEY ? { apiKey: config.RERANK_API_KEY } : {}),
    ...(config.RERANK_MODEL ? { model: config.RERANK_MODEL } : {}),
    timeoutMs: config.RERANK_TIMEOUT_MS,
    batchSize: config.RERANK_BATCH_SIZE,
  });
}
