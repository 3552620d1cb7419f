import { defineConfig } from "vitest/config";

// OCR (issue 14): tesseract.js over the public scans, through the engine and through HTTP on the
// embedded default, and offline in a network namespace. About a minute of CPU on 2 cores, so it
// runs beside `npm test` (in CI too) instead of inside it, keeping the default suite short.
export default defineConfig({
  test: {
    include: ["shared/extract/ocr/**/*.test.ts", "tests/embedded/ocr*.test.ts"],
    globalSetup: ["tests/support/pglite-snapshot-setup.ts"],
    pool: "threads",
    maxWorkers: "100%",
    testTimeout: 120_000,
    hookTimeout: 120_000,
    env: { LOG_LEVEL: "silent" },
  },
});
