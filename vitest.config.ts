import { defineConfig } from "vitest/config";

// The default suite runs on embedded engines only (PGlite, filesystem objects, built-in embedder).
// The stack suite (tests/stack) needs the real services and has its own config.
export default defineConfig({
  test: {
    include: [
      "functions/**/*.test.ts",
      "shared/**/*.test.ts",
      "tests/embedded/**/*.test.ts",
      "bench/**/*.test.ts",
      "tools/**/*.test.ts",
      "console/src/**/*.test.ts",
    ],
    // OCR has its own suite (vitest.ocr.config.ts, `npm run test:ocr`), run by CI beside this one.
    exclude: ["**/node_modules/**", "shared/extract/ocr/**", "tests/embedded/ocr*.test.ts"],
    // One migrated PGlite dumped per run; each file loads its own copy (tests/support/pglite-snapshot.ts).
    globalSetup: ["tests/support/pglite-snapshot-setup.ts"],
    // Worker threads, not forked processes: the suite spends about a third less CPU in them
    // (measured on 2 cores). Tests therefore cannot call process.chdir or set process.umask.
    // Every core: vitest's default leaves one idle, half of a 2-core machine.
    pool: "threads",
    maxWorkers: "100%",
    testTimeout: 60_000,
    hookTimeout: 120_000,
    env: { LOG_LEVEL: "silent" },
  },
});
