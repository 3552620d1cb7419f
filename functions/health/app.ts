import type { OpenAPIHono } from "@hono/zod-openapi";
import type { Deps } from "../../shared/deps/deps.js";
import { type AppEnv, createBaseApp } from "../../shared/http/create-app.js";
import { registerGetLiveness } from "./routes/get-liveness.js";
import { registerGetReadiness } from "./routes/get-readiness.js";

/** Every route of this function; also used to generate its OpenAPI document. */
export function registerRoutes(app: OpenAPIHono<AppEnv>): void {
  registerGetLiveness(app);
  registerGetReadiness(app);
}

/** health: liveness and readiness (public and never rate limited: each route says so). */
export function createApp(deps: Deps) {
  const app = createBaseApp(deps, "health");
  registerRoutes(app);
  return app;
}
