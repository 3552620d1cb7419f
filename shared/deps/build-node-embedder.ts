import type { Config } from "../config.js";
import type { Embedder } from "../embeddings/embedder.js";
import { buildEmbedder } from "./build-adapters.js";

/**
 * Forward passes of the ONNX model: up to 32 texts, up to 2048 padded tokens (32 queries at
 * once, ~10 abstracts of 200 tokens). Past ~2000 tokens a pass is no faster per text but the
 * runtime's arena grows: 1.2 GB RSS at 32 x 200 tokens, 0.5 GB at 8 x 200 (docs/onnx-embedder.md).
 */
const onnxBatch = { batchSize: 32, maxBatchTokens: 2048 };

/**
 * The Node entries' embedder: every kind buildEmbedder knows, plus EMBEDDER=onnx. The ONNX
 * adapter is imported only when chosen, so the other configurations never load its native
 * library, and loading the model (once, ~0.5 s) happens here at startup, failing it loudly.
 */
export async function buildNodeEmbedder(config: Config): Promise<Embedder> {
  if (config.EMBEDDER !== "onnx") return buildEmbedder(config);
  const { OnnxEmbedder } = await import("../embeddings/onnx-embedder.js");
  return OnnxEmbedder.load({
    dir: config.EMBEDDER_MODEL_DIR,
    threads: config.EMBEDDER_THREADS,
    sessions: config.EMBEDDER_SESSIONS,
    ...onnxBatch,
  });
}
