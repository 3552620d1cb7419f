import { defineConfig } from "vitest/config";

// The real-stack suite: PostgreSQL behind PgBouncer, Redis, MinIO, Chroma, the functions as
// separate processes and Nginx in front. globalSetup starts the local stack unless one is
// already up (npm run stack:up), and fails the run if any service cannot start.
export default defineConfig({
  test: {
    include: ["tests/stack/**/*.test.ts"],
    // The outage tests run last, on their own (vitest.faults.config.ts, npm run test:faults).
    exclude: ["tests/stack/faults.test.ts", "tests/stack/worker-crash.test.ts"],
    globalSetup: ["tests/stack/global-setup.ts"],
    testTimeout: 120_000,
    hookTimeout: 300_000,
    // One stack, shared: files run one after another so load tests do not skew each other.
    fileParallelism: false,
  },
});
