import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

/**
 * The console is a static page under /console/: every asset URL carries that base, and the build
 * lands in the repository's dist/console, beside the bundles `npm run build` writes, where
 * `npm start` (functions/serve-console.ts) and the Nginx image read it.
 */
export default defineConfig({
  root: fileURLToPath(new URL(".", import.meta.url)),
  base: "/console/",
  // Preact's automatic JSX runtime, without a Babel-based plugin.
  oxc: { jsx: { runtime: "automatic", importSource: "preact" } },
  build: {
    outDir: fileURLToPath(new URL("../dist/console", import.meta.url)),
    emptyOutDir: true,
    target: "es2022",
    // Every supported browser has modulepreload; the polyfill would be dead code.
    modulePreload: { polyfill: false },
    reportCompressedSize: true,
  },
});
