import type { Deps } from "../shared/deps/deps.js";
import { createBaseApp } from "../shared/http/create-app.js";
import { type FunctionName, functionFor } from "../shared/http/route-table.js";
import { createApp as createAnalyticsApp } from "./analytics/app.js";
import { createApp as createBackupStatusApp } from "./backup-status/app.js";
import { createApp as createHealthApp } from "./health/app.js";
import { createApp as createIndexApp } from "./index/app.js";
import { createApp as createQueryApp } from "./query/app.js";
import { builtConsoleDir, serveConsole } from "./serve-console.js";
import { serveDocs } from "./serve-docs.js";
import { createApp as createUploadApp } from "./upload/app.js";

type Fetch = (request: Request, env?: unknown) => Response | Promise<Response>;

/**
 * All six functions behind one fetch handler, dispatched by the same path table Nginx uses.
 * Each app keeps its own middleware, exactly as when deployed alone. The reference page and the
 * console (static files, served by Nginx in the stack) are answered here too.
 */
export function composeApps(deps: Deps, options: { consoleDir?: string } = {}): Fetch {
  const consoleDir = options.consoleDir ?? builtConsoleDir;
  const apps: Record<FunctionName, { fetch: Fetch }> = {
    upload: createUploadApp(deps),
    index: createIndexApp(deps),
    query: createQueryApp(deps),
    "backup-status": createBackupStatusApp(deps),
    health: createHealthApp(deps),
    analytics: createAnalyticsApp(deps),
  };
  const fallback = createBaseApp(deps, "router");
  return async (request, env) => {
    const path = new URL(request.url).pathname;
    const name = functionFor(path);
    if (name !== undefined) return apps[name].fetch(request, env);
    if (request.method === "GET") {
      const docs = await serveDocs(path);
      if (docs !== undefined) return docs;
      const page = await serveConsole(path, consoleDir);
      if (page !== undefined) return page;
    }
    return fallback.fetch(request, env);
  };
}
