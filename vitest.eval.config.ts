import { defineConfig } from "vitest/config";

// The retrieval-quality suite: SciFact's test split through the routes with EMBEDDER=onnx and
// bge-small-en-v1.5 (about 10 minutes on 2 cores, most of them embedding 5,183 abstracts). It
// needs the model (bash infra/models/fetch-bge-small.sh) and the dataset beside the repo, and FAILS without
// either, never skips. Kept out of `npm test` for its length.
export default defineConfig({
  test: {
    include: ["tests/eval/**/*.test.ts"],
    testTimeout: 30 * 60_000,
    hookTimeout: 30 * 60_000,
    env: { LOG_LEVEL: "silent" },
  },
});
