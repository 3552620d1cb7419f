import type { OpenAPIHono } from "@hono/zod-openapi";
import type { Deps } from "../../shared/deps/deps.js";
import { type AppEnv, createBaseApp } from "../../shared/http/create-app.js";
import { registerQueueGauges } from "../../shared/metrics/queue-gauges.js";
import { registerGetIndexFormats } from "./routes/get-index-formats.js";
import { registerGetIndexStatus } from "./routes/get-index-status.js";
import { registerReindexDocument } from "./routes/reindex-document.js";
import { registerRunIndex } from "./routes/run-index.js";

/** Every route of this function; also used to generate its OpenAPI document. */
export function registerRoutes(app: OpenAPIHono<AppEnv>): void {
  registerRunIndex(app);
  registerGetIndexStatus(app);
  registerGetIndexFormats(app);
  registerReindexDocument(app);
}

/** index: turns stored documents into chunks and vectors. The worker loop does the same continuously. */
export function createApp(deps: Deps) {
  const app = createBaseApp(deps, "index");
  registerQueueGauges(deps);
  registerRoutes(app);
  return app;
}
