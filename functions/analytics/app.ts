import type { OpenAPIHono } from "@hono/zod-openapi";
import type { Deps } from "../../shared/deps/deps.js";
import { type AppEnv, createBaseApp } from "../../shared/http/create-app.js";
import { registerGetDocuments } from "./routes/get-documents.js";
import { registerGetQueries } from "./routes/get-queries.js";
import { registerGetRetrieval } from "./routes/get-retrieval.js";
import { registerGetTimeseries } from "./routes/get-timeseries.js";

/** Every route of this function; also used to generate its OpenAPI document. */
export function registerRoutes(app: OpenAPIHono<AppEnv>): void {
  registerGetRetrieval(app);
  registerGetDocuments(app);
  registerGetQueries(app);
  registerGetTimeseries(app);
}

/** analytics: what retrieval did (recorded by the query function), with the privacy thresholds. */
export function createApp(deps: Deps) {
  const app = createBaseApp(deps, "analytics");
  registerRoutes(app);
  return app;
}
