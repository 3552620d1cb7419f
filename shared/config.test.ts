import { describe, expect, it } from "vitest";
import { ConfigError, parseConfig } from "./config.js";

describe("parseConfig", () => {
  it("defaults to the embedded engines", () => {
    const c = parseConfig({});
    expect(c).toMatchObject({
      DB_DRIVER: "pglite",
      OBJECT_STORE: "fs",
      VECTOR_STORE: "pgvector",
      EMBEDDER: "builtin",
    });
    expect(c.MAX_UPLOAD_BYTES).toBe(100 * 1024 * 1024);
  });

  it("names the bad variable", () => {
    expect(() => parseConfig({ DB_POOL_MAX: "lots" })).toThrowError(/DB_POOL_MAX/);
    expect(() => parseConfig({ INDEX_WORKER: "maybe" })).toThrowError(/INDEX_WORKER/);
  });

  it.each([
    [{ DB_DRIVER: "postgres" }, "DATABASE_URL"],
    [{ OBJECT_STORE: "minio" }, "S3_ENDPOINT"],
    [{ VECTOR_STORE: "chroma" }, "CHROMA_URL"],
    [{ EMBEDDER: "openai" }, "EMBEDDINGS_MODEL"],
    [{ RATE_LIMITER: "redis" }, "REDIS_URL"],
    [{ RERANKER: "tei" }, "RERANK_URL"],
    [{ RERANKER: "cohere", RERANK_URL: "http://rerank.test/v2/rerank" }, "RERANK_MODEL"],
    [{ RERANKER: "jina", RERANK_URL: "http://rerank.test/v1/rerank" }, "RERANK_MODEL"],
    [{ RERANK_DEFAULT: "true" }, "RERANK_DEFAULT"],
  ])("requires what the chosen adapter needs: %o", (env, variable) => {
    try {
      parseConfig(env);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      expect((e as ConfigError).issues.join()).toContain(variable);
    }
  });

  it("treats empty strings as unset", () => {
    expect(parseConfig({ PORT: "", LOG_LEVEL: "" }).LOG_LEVEL).toBe("info");
  });
});
