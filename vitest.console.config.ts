import { defineConfig } from "vitest/config";

// The console (issue 18) in a real browser: Debian's Chromium driven by playwright-core against
// the embedded default. Its own suite, like the stack's, so `npm test` needs nothing but Node; CI
// runs it after provisioning (which installs Chromium).
export default defineConfig({
  test: {
    include: ["tests/console/**/*.test.ts"],
    globalSetup: ["tests/support/pglite-snapshot-setup.ts"],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    env: { LOG_LEVEL: "silent" },
    // One file at a time: first-render.test.ts times page loads, which another file's browser
    // running beside it on this machine's two cores would slow.
    fileParallelism: false,
  },
});
