import { defineConfig } from "vitest/config";

// The disruptive part of the real-stack suite: it stops PostgreSQL, Redis, MinIO and Chroma in
// turn and kills the index worker. It runs after the rest (npm run test:stack, the contract
// test), so no other test meets what an outage leaves behind (PgBouncer 1.18 remembers a refused
// login until its next one succeeds; see docs/failure-behaviour.md).
export default defineConfig({
  test: {
    include: ["tests/stack/faults.test.ts", "tests/stack/worker-crash.test.ts"],
    globalSetup: ["tests/stack/global-setup.ts"],
    testTimeout: 180_000,
    hookTimeout: 300_000,
    fileParallelism: false,
  },
});
