import type { OpenAPIHono } from "@hono/zod-openapi";
import type { Deps } from "../../shared/deps/deps.js";
import { type AppEnv, createBaseApp } from "../../shared/http/create-app.js";
import { registerPostFeedback } from "./routes/post-feedback.js";
import { registerMcp } from "./routes/post-mcp.js";
import { registerRetrieval } from "./routes/post-retrieval.js";
import { registerQuery } from "./routes/query-collection.js";

/** Every route of this function; also used to generate its OpenAPI document. */
export function registerRoutes(app: OpenAPIHono<AppEnv>): void {
  registerQuery(app);
  registerPostFeedback(app);
  registerRetrieval(app);
  registerMcp(app);
}

/** query: hybrid retrieval over a collection, over HTTP (POST /query, Dify's POST /retrieval) and MCP. */
export function createApp(deps: Deps) {
  const app = createBaseApp(deps, "query");
  registerRoutes(app);
  return app;
}
