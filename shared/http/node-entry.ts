import type { Hono } from "hono";
import { assertProductionReady } from "../auth/production-checks.js";
import { loadConfigFromProcess } from "../config.js";
import { buildNodeDeps } from "../deps/build-node-deps.js";
import { type Deps, describeDeps } from "../deps/deps.js";
import { startConfiguredWorker } from "../indexing/index-worker.js";
import { defaultPorts, type FunctionName } from "./route-table.js";
import { onShutdown, serveNode } from "./serve-node.js";

interface FetchApp {
  fetch: Hono["fetch"];
}

/** `npm run start:<function>`: one function alone on its own port, configured by the environment. */
export async function runNodeEntry(name: FunctionName, createApp: (deps: Deps) => FetchApp): Promise<void> {
  const config = loadConfigFromProcess();
  const port = config.PORT ?? defaultPorts[name];
  const deps = await buildNodeDeps(config, { port });
  try {
    await assertProductionReady(config, deps.db);
  } catch (error) {
    await deps.close();
    throw error;
  }
  const served = await serveNode(createApp(deps).fetch, deps, port);
  deps.log.info("function listening", { function: name, url: served.url, adapters: describeDeps(deps) });
  const steps = [served.close];
  if (name === "index" && config.INDEX_WORKER) {
    const worker = startConfiguredWorker(deps);
    steps.push(worker.stop);
  }
  steps.push(deps.close);
  onShutdown(steps, deps.log);
}
