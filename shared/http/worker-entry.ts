import type { ExecutionContext, Hono } from "hono";
import { ConfigError, parseConfig } from "../config.js";
import { buildWorkerDeps, type WorkerDepsOptions, withRequestScope } from "../deps/build-worker-deps.js";
import { type Deps, describeDeps } from "../deps/deps.js";
import { ApiError } from "../errors/api-error.js";
import { problemContentType, toProblem } from "../errors/problem.js";
import { createLogger } from "../logging/logger.js";
import type { FunctionName } from "./route-table.js";

interface FetchApp {
  fetch: Hono["fetch"];
}

/** Workers bindings: vars and secrets arrive as strings; other bindings are ignored by parseConfig. */
export type WorkerEnv = Record<string, unknown>;

/** The ExportedHandler shape wrangler expects as a Worker's default export. */
export interface WorkerHandler {
  fetch(request: Request, env: WorkerEnv, ctx: ExecutionContext): Promise<Response>;
}

/** Every request gets this while the isolate cannot start; details only go to the logs. */
function startupFailure(error: unknown, request: Request): Response {
  const detail =
    error instanceof ConfigError
      ? "The function's configuration is invalid; the operator must fix it (details are in the logs)"
      : "The function failed to start";
  const requestId = crypto.randomUUID();
  const problem = toProblem(new ApiError("internal", detail), requestId, new URL(request.url).pathname);
  return new Response(JSON.stringify(problem), {
    status: problem.status,
    headers: { "content-type": problemContentType, "x-request-id": requestId },
  });
}

/**
 * `export default workerEntry(name, createApp)` in a function's entry.worker.ts. Bindings only
 * reach a Worker with the first request, so config, deps and app are built then, once per
 * isolate, and reused by every later request the isolate serves (database connections aside:
 * those cannot outlive a request on Workers).
 */
export function workerEntry(
  name: FunctionName,
  createApp: (deps: Deps) => FetchApp,
  options: WorkerDepsOptions = {},
): WorkerHandler {
  let ready: Promise<FetchApp> | undefined;

  const start = async (env: WorkerEnv): Promise<FetchApp> => {
    const deps = await buildWorkerDeps(parseConfig(env), options);
    deps.log.info("function ready", { function: name, runtime: "workers", adapters: describeDeps(deps) });
    return createApp(deps);
  };

  return {
    async fetch(request, env, ctx) {
      if (ready === undefined) {
        ready = start(env);
        ready.catch((error: unknown) => {
          // The configured LOG_LEVEL is unknown when the configuration is what failed.
          createLogger("error").error("function cannot start", { function: name, error });
          // Bindings are fixed for the isolate's life, so a bad configuration stays cached;
          // anything else may be transient and is retried by the next request.
          if (!(error instanceof ConfigError)) ready = undefined;
        });
      }
      let app: FetchApp;
      try {
        app = await ready;
      } catch (error) {
        return startupFailure(error, request);
      }
      // Each request gets its own database connection, and its events are written after the
      // response; see withRequestScope.
      return withRequestScope(
        () => app.fetch(request, env, ctx),
        (promise) => ctx.waitUntil(promise),
      );
    },
  };
}
