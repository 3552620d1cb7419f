import type { Hono } from "hono";
import { anonymousAllowed } from "../auth/api-keys.js";
import { assertProductionReady } from "../auth/production-checks.js";
import { type Config, loadConfigFromProcess } from "../config.js";
import type { Database } from "../db/database.js";
import { buildNodeDeps } from "../deps/build-node-deps.js";
import { type Deps, describeDeps } from "../deps/deps.js";
import { exitIfRefused } from "../errors/startup-refused.js";
import { startConfiguredWorker } from "../indexing/index-worker.js";
import { Lifecycle } from "../lifecycle/lifecycle.js";
import { stopOnSignals } from "../lifecycle/stop-on-signals.js";
import { defaultPorts, type FunctionName } from "./route-table.js";
import { serveNode } from "./serve-node.js";

interface FetchApp {
  fetch: Hono["fetch"];
}

export interface NodeServer {
  /** A function's name, or `all` for `npm start` (every function in one process). */
  name: FunctionName | "all";
  defaultPort: number;
  fetch(deps: Deps): (request: Request, env?: unknown) => Response | Promise<Response>;
  /** Whether this process also runs the index worker (when INDEX_WORKER allows it). */
  indexWorker: boolean;
  /** Printed on stdout once listening, for a person at a terminal. */
  banner?(url: string, config: Config): string;
}

/**
 * Says loudly, in the log and on stdout, that callers need no key: on a development install on
 * which no key was ever created, anyone who can reach the port has every scope, admin included.
 */
async function announceAnonymousAccess(deps: Deps, url: string): Promise<void> {
  let open: boolean;
  try {
    open = await anonymousAllowed(deps.db, deps.config);
  } catch (error) {
    deps.log.warn("could not tell whether anonymous access is on (the database did not answer)", { error });
    return;
  }
  if (!open) return;
  deps.log.warn("anonymous access is on: no API key was ever created, so every caller has every scope", {
    url,
  });
  process.stdout.write(
    `\nWARNING: anonymous access is ON: no API key has been created yet, so anyone who can reach ${url}\n` +
      "  may read, change and delete everything, admin operations included. To close it for good, stop\n" +
      "  Docstack and run: npm run keys -- create --name admin --scopes admin\n",
  );
}

/**
 * The one startup of every Node server, `npm start` and `npm run start:<function>` alike: parse
 * the configuration, build the dependencies, refuse a production install that is not ready,
 * serve, run the worker, stop gracefully on SIGTERM/SIGINT (shared/lifecycle/stop-on-signals.ts),
 * and say when anonymous access is on.
 * A refusal (DATA_DIR in use by another process, production without keys) prints its reason
 * and exits with status 1.
 */
export async function startNodeServer(server: NodeServer): Promise<{ url: string; deps: Deps }> {
  const config = loadConfigFromProcess();
  const port = config.PORT ?? server.defaultPort;
  const lifecycle = new Lifecycle();
  const check = (db: Database) => assertProductionReady(config, db);
  const deps: Deps = { ...(await exitIfRefused(buildNodeDeps(config, { port, check }))), lifecycle };
  const served = await serveNode(server.fetch(deps), deps, port);
  const worker = server.indexWorker && config.INDEX_WORKER;
  const graceMs = config.SHUTDOWN_GRACE_S * 1000;
  const drain: (() => Promise<void>)[] = [() => served.drain(graceMs).then(() => undefined)];
  // The worker's claims go back while the requests in flight finish, not after them.
  if (worker) drain.push(startConfiguredWorker(deps).stop);
  stopOnSignals({
    lifecycle,
    delayS: config.SHUTDOWN_DELAY_S,
    graceS: config.SHUTDOWN_GRACE_S,
    drain,
    close: deps.close,
    log: deps.log,
  });
  deps.log.info("listening", {
    function: server.name,
    url: served.url,
    adapters: describeDeps(deps),
    worker,
  });
  await announceAnonymousAccess(deps, served.url);
  if (server.banner) process.stdout.write(server.banner(served.url, config));
  return { url: served.url, deps };
}

/** `npm run start:<function>`: one function alone on its own port, configured by the environment. */
export async function runNodeEntry(name: FunctionName, createApp: (deps: Deps) => FetchApp): Promise<void> {
  await startNodeServer({
    name,
    defaultPort: defaultPorts[name],
    fetch: (deps) => createApp(deps).fetch,
    indexWorker: name === "index",
  });
}
