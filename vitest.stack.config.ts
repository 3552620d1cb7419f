import { defineConfig } from "vitest/config";

// The real-stack suite: PostgreSQL behind PgBouncer, Redis, MinIO, Chroma, the functions as
// separate processes and Nginx in front. globalSetup starts the local stack unless one is
// already up (npm run stack:up), and fails the run if any service cannot start.
export default defineConfig({
  test: {
    include: ["tests/stack/**/*.test.ts"],
    globalSetup: ["tests/stack/global-setup.ts"],
    testTimeout: 120_000,
    hookTimeout: 300_000,
    // One stack, shared: files run one after another so load tests do not skew each other.
    fileParallelism: false,
  },
});
