import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { composeApps } from "../../functions/compose-apps.js";
import { type Served, serveNode } from "../../shared/http/serve-node.js";
import { startConfiguredWorker } from "../../shared/indexing/index-worker.js";
import { buildConsole } from "../../tools/build-console.js";
import { type EmbeddedStack, startEmbeddedStack } from "./embedded-stack.js";

export interface ConsoleServer {
  stack: EmbeddedStack;
  /** The embedded default on a loopback port: the API and, at /console/, the console. */
  served: Served;
  /** Where the console was built for this server. */
  consoleDir: string;
  close(): Promise<void>;
}

/**
 * The embedded default as `npm start` serves it, with the console built from its sources into a
 * directory of the caller's own (never a stale dist/console).
 */
export async function startConsoleServer(
  env: Record<string, string> = {},
  options: { indexWorker?: boolean } = {},
): Promise<ConsoleServer> {
  const consoleDir = await mkdtemp(join(tmpdir(), "docstack-console-"));
  await buildConsole({ outDir: consoleDir, quiet: true });
  const stack = await startEmbeddedStack({ HOST: "127.0.0.1", ...env });
  // With the worker, uploads are indexed in the process as `npm start` indexes them.
  const worker = options.indexWorker ? startConfiguredWorker(stack.deps) : undefined;
  const served = await serveNode(composeApps(stack.deps, { consoleDir }), stack.deps, 0);
  return {
    stack,
    served,
    consoleDir,
    async close() {
      await served.close();
      await worker?.stop();
      await stack.close();
      await rm(consoleDir, { recursive: true, force: true });
    },
  };
}

/** Signs in on the sign-in page: with a key, or without one on an install that allows it. */
export async function signIn(page: Page, origin: string, key?: string): Promise<void> {
  await page.goto(`${origin}/console/`);
  if (key === undefined) await page.getByRole("button", { name: "Continue without a key" }).click();
  else {
    await page.getByLabel("API key").fill(key);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
  }
  await page.getByRole("heading", { level: 1, name: "Collections" }).waitFor();
  // Pages offer controls by the key's scopes, known once GET /auth/whoami answers: until then
  // a check that a control is absent would pass for the wrong reason.
  if (key !== undefined) {
    await page.waitForFunction(
      () => document.querySelector('[data-testid="who"]')?.textContent !== "API key",
    );
  }
}
