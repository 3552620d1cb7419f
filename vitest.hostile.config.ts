import { defineConfig } from "vitest/config";

// The hostile inputs of issue 14 through the embedded stack, each measured (peak RSS growth of the
// process, time, event-loop delay, /health and queries answered meanwhile). One file at a time in
// a process of its own, so the memory measured is the indexing's and nobody else's.
export default defineConfig({
  test: {
    include: ["tests/hostile/**/*.test.ts"],
    globalSetup: ["tests/support/pglite-snapshot-setup.ts", "tests/hostile/hostile-setup.ts"],
    pool: "forks",
    fileParallelism: false,
    testTimeout: 300_000,
    hookTimeout: 300_000,
    env: { LOG_LEVEL: "silent" },
  },
});
