/**
 * `npm run build`: every Node entry (the five functions, `npm start`'s all-in-one server, the
 * worker and the operator commands) bundled by esbuild into dist/, so production runs plain
 * JavaScript (`node dist/<name>.js`) with no TypeScript loader at start. One file per entry, no
 * shared chunks: esbuild's code splitting can evaluate a chunk before a module it depends on for
 * side effects (zod's OpenAPI extension ran after the schemas that use it). A lazy `import()` of
 * bundled code is initialised only when it runs. Run as a command, it then builds the web console
 * into dist/console (tools/build-console.ts).
 */
import { cpSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { type BuildOptions, build, type Metafile, type Plugin } from "esbuild";

export const repoRoot = fileURLToPath(new URL("..", import.meta.url));
export const distDir = join(repoRoot, "dist");

/** dist/<key>.js ← source. Threads' modules are entries too: they are loaded by file name. */
export const entries: Record<string, string> = {
  upload: "functions/upload/entry.node.ts",
  index: "functions/index/entry.node.ts",
  query: "functions/query/entry.node.ts",
  "backup-status": "functions/backup-status/entry.node.ts",
  health: "functions/health/entry.node.ts",
  analytics: "functions/analytics/entry.node.ts",
  start: "bin/start.ts",
  worker: "bin/worker.ts",
  migrate: "bin/migrate.ts",
  keys: "bin/keys.ts",
  backup: "bin/backup.ts",
  "backup-scheduler": "bin/backup-scheduler.ts",
  restore: "bin/restore.ts",
  "dr-drill": "bin/dr-drill.ts",
  reindex: "bin/reindex.ts",
  import: "bin/import.ts",
  "extract-worker": "shared/extract/sandbox/extract-worker.ts",
};

/**
 * Left to node_modules: native addons and WASM engines (their binaries sit beside their JS),
 * and packages that find their own files by path at run time (pdf.js's fonts and worker,
 * tesseract's worker script and language data, piscina's thread bootstrap). postgres.js stays
 * in node_modules so its frames name its own file: the guard for the errors it loses
 * (shared/db/driver-strays.ts) recognises them by that path, and inside a bundle it would not.
 */
export const external = [
  "postgres",
  "onnxruntime-node",
  "@electric-sql/pglite",
  "@electric-sql/pglite-pgvector",
  "@huggingface/tokenizers",
  "@napi-rs/canvas",
  "tesseract.js",
  "@tesseract.js-data/*",
  "pdfjs-dist",
  "unpdf",
  "piscina",
];

/** Files loaded by path next to the code that names them (new URL(..., import.meta.url)). */
const copied: [string, string][] = [
  ["shared/db/migrations", "migrations"],
  ["shared/db/data-dir-lock.worker.mjs", "data-dir-lock.worker.mjs"],
  ["shared/embeddings/onnx-session.worker.mjs", "onnx-session.worker.mjs"],
];

/**
 * zod's `z` namespace re-exports all of its ~50 locales (`z.locales`, `z.core.locales`): about
 * 400 KB of source every function would compile at start, for messages nobody selects. The
 * bundles keep English only, the locale zod uses unless `z.config()` picks another (nothing here
 * does), so every message stays the same; `z.locales.en` still exists.
 */
export const zodEnglishOnly: Plugin = {
  name: "zod-english-only",
  setup(build) {
    build.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      /[\\/]node_modules[\\/]zod[\\/]v4[\\/](classic|core)[\\/]/.test(args.importer)
        ? { path: join(dirname(args.importer), "../locales/index.js"), namespace: "zod-english-only" }
        : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: "zod-english-only" }, (args) => ({
      contents: 'export { default as en } from "./en.js";',
      resolveDir: dirname(args.path),
      loader: "js",
    }));
  },
};

/** How every bundle is made (the benchmarks bundle their hello-world with the same options). */
export function bundleOptions(entryPoints: Record<string, string>, outdir: string): BuildOptions {
  return {
    absWorkingDir: repoRoot,
    entryPoints,
    outdir,
    // Every entry directly in outdir: a module's import.meta.url then names dist/, where the
    // copied files and the extraction thread's entry are.
    bundle: true,
    format: "esm",
    platform: "node",
    target: "node20.19",
    sourcemap: "linked",
    external,
    metafile: true,
    legalComments: "linked",
    // Whitespace and syntax only: names stay, so a stack trace still names its functions (and
    // --enable-source-maps maps it to the sources). Dropping comments also leaves the bundle pure
    // ASCII; one non-ASCII character in a comment made V8 hold and scan all of it as two-byte text.
    minifyWhitespace: true,
    minifySyntax: true,
    // Short lines: Node prints the source line of an uncaught error (a bad configuration at start).
    lineLimit: 160,
    plugins: [zodEnglishOnly],
    // CommonJS packages inside an ESM bundle still call require() for Node's built-ins.
    banner: {
      js: 'import { createRequire as __docstackRequire } from "node:module"; const require = __docstackRequire(import.meta.url);',
    },
  };
}

export async function buildDist(options: { quiet?: boolean } = {}): Promise<Metafile> {
  rmSync(distDir, { recursive: true, force: true });
  mkdirSync(distDir, { recursive: true });
  const result = await build({
    ...bundleOptions(entries, distDir),
    logLevel: options.quiet ? "warning" : "info",
  });
  for (const [from, to] of copied) cpSync(join(repoRoot, from), join(distDir, to), { recursive: true });
  // dist/ is ESM whatever the nearest package.json above it says.
  writeFileSync(join(distDir, "package.json"), `${JSON.stringify({ type: "module" })}\n`);
  writeFileSync(join(distDir, "meta.json"), JSON.stringify(result.metafile));
  return result.metafile ?? { inputs: {}, outputs: {} };
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await buildDist();
  // After the bundles: buildDist empties dist/, the console's directory included.
  const { buildConsole } = await import("./build-console.js");
  await buildConsole();
}
