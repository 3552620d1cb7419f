import { describe, expect, it } from "vitest";
import { ConfigError, parseConfig } from "../config.js";
import { buildEmbedder } from "./build-adapters.js";
import { buildNodeEmbedder } from "./build-node-embedder.js";
import { buildWorkerDeps } from "./build-worker-deps.js";

describe("choosing EMBEDDER=onnx", () => {
  it("fails Node startup naming EMBEDDER_MODEL_DIR when no model is there", async () => {
    const config = parseConfig({ EMBEDDER: "onnx", EMBEDDER_MODEL_DIR: "/nonexistent/minilm" });
    await expect(buildNodeEmbedder(config)).rejects.toThrow(
      /EMBEDDER_MODEL_DIR: no directory at \/nonexistent/,
    );
  });

  it("is refused by the builder Workers share, never turned into another embedder", async () => {
    const config = parseConfig({ EMBEDDER: "onnx" });
    await expect(buildEmbedder(config)).rejects.toThrow(ConfigError);
  });

  it("is refused on Workers with the reason", async () => {
    const config = parseConfig({
      EMBEDDER: "onnx",
      DB_DRIVER: "postgres",
      DATABASE_URL: "postgres://u:p@db/docstack",
      OBJECT_STORE: "minio",
      S3_ENDPOINT: "http://minio:9000",
      S3_ACCESS_KEY: "a",
      S3_SECRET_KEY: "b",
    });
    await expect(buildWorkerDeps(config)).rejects.toThrow(/EMBEDDER: "onnx" .* Workers cannot load/);
  });

  it("leaves the other embedders to the shared builder", async () => {
    expect((await buildNodeEmbedder(parseConfig({}))).kind).toBe("builtin");
  });
});
