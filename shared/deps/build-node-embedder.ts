import type { Config } from "../config.js";
import type { Embedder } from "../embeddings/embedder.js";
import { buildEmbedder } from "./build-adapters.js";

/** Texts per forward pass of the ONNX model (docs/onnx-embedder.md has the measurements). */
const onnxBatchSize = 32;

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
    batchSize: onnxBatchSize,
  });
}
