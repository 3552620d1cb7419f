import { parseConfig } from "../../shared/config.js";

/**
 * The provisioned model's directory: EMBEDDER_MODEL_DIR as the environment sets it, else the
 * default that `bash infra/models/fetch-minilm.sh` fills.
 */
export const modelDir = parseConfig({
  EMBEDDER_MODEL_DIR: process.env.EMBEDDER_MODEL_DIR,
}).EMBEDDER_MODEL_DIR;

/** bge-small-en-v1.5's directory: where `bash infra/models/fetch-bge-small.sh` puts it. */
export const bgeModelDir = process.env.DOCSTACK_BGE_MODEL_DIR ?? ".models/bge-small-en-v1.5";

export const cosine = (a: readonly number[], b: readonly number[]) =>
  a.reduce((s, x, i) => s + x * (b[i] ?? 0), 0);
