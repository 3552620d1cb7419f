/**
 * The web console (console/, a Vite + Preact workspace) built into dist/console, where
 * `npm start` (functions/serve-console.ts) and Nginx serve it at /console/. Vite is loaded only
 * here, so nothing that serves the API imports it.
 */
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
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

const repoRoot = fileURLToPath(new URL("..", import.meta.url));
/** What the build reads: the console's sources and the typed client it talks through. */
const sources = ["console/src", "console/public", "console/index.html", "clients/typescript/src"];

function newestIn(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newestIn(join(path, name))));
}

/** Whether dist/console is missing or older than anything it is built from. */
export function consoleIsStale(outDir = join(repoRoot, "dist/console")): boolean {
  const built = join(outDir, "index.html");
  if (!existsSync(built)) return true;
  const newest = Math.max(...sources.map((s) => newestIn(join(repoRoot, s))));
  return newest > statSync(built).mtimeMs;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  if (!process.argv.includes("--if-stale")) await buildConsole();
  else if (consoleIsStale()) {
    // `npm start` builds the console first when it must, so /console/ works after `npm ci`.
    // Vite is a development dependency: an install without it serves the API and says so.
    try {
      await buildConsole({ quiet: true });
      console.log("console built into dist/console");
    } catch (error) {
      console.warn(
        `console not built (${error instanceof Error ? error.message : String(error)}); the API still starts`,
      );
    }
  }
}
