import { defineConfig } from "vitest/config";

// The model suite: the real all-MiniLM-L6-v2 and bge-small-en-v1.5 through EMBEDDER=onnx. It
// needs both provisioned first (bash infra/models/fetch-minilm.sh, bash
// infra/models/fetch-bge-small.sh) and FAILS without them, never skips:
// a missing model is a broken install, not an optional extra. Kept out of `npm test`, whose
// suite must pass on a clean clone with nothing downloaded.
export default defineConfig({
  test: {
    include: ["tests/models/**/*.test.ts"],
    globalSetup: ["tests/support/pglite-snapshot-setup.ts"],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // Each file loads the model; one at a time keeps the two cores for the forward passes.
    fileParallelism: false,
    env: { LOG_LEVEL: "silent" },
  },
});
