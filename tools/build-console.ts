/**
 * The web console (console/, a Vite + Preact workspace) built into dist/console, where
 * `npm start` (functions/serve-console.ts) and Nginx serve it at /console/. Vite is loaded only
 * here, so nothing that serves the API imports it.
 */
import { fileURLToPath, pathToFileURL } from "node:url";

// Not imported from build.ts: that module awaits this one at its top level when run as a command.
export const consoleConfig = fileURLToPath(new URL("../console/vite.config.ts", import.meta.url));

/** Builds the console into `outDir` (dist/console unless told), quietly unless asked. */
export async function buildConsole(options: { outDir?: string; quiet?: boolean } = {}): Promise<void> {
  const { build } = await import("vite");
  await build({
    configFile: consoleConfig,
    logLevel: options.quiet ? "warn" : "info",
    ...(options.outDir === undefined ? {} : { build: { outDir: options.outDir, emptyOutDir: true } }),
  });
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await buildConsole();
}
