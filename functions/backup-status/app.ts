import type { OpenAPIHono } from "@hono/zod-openapi";
import type { Deps } from "../../shared/deps/deps.js";
import { type AppEnv, createBaseApp } from "../../shared/http/create-app.js";
import { rateLimit } from "../../shared/http/rate-limit.js";
import { registerGetBackupStatus } from "./routes/get-backup-status.js";

/** Every route of this function; also used to generate its OpenAPI document. */
export function registerRoutes(app: OpenAPIHono<AppEnv>): void {
  registerGetBackupStatus(app);
}

/** backup-status: how fresh the backups of each store are. */
export function createApp(deps: Deps) {
  const app = createBaseApp(deps, "backup-status");
  app.use(
    "*",
    rateLimit(() => "default"),
  );
  registerRoutes(app);
  return app;
}
