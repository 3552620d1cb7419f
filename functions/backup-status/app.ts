import type { OpenAPIHono } from "@hono/zod-openapi";
import { backupMetrics } from "../../shared/backups/backup-metrics.js";
import { backupReport } from "../../shared/backups/backup-report.js";
import type { Deps } from "../../shared/deps/deps.js";
import { type AppEnv, createBaseApp } from "../../shared/http/create-app.js";
import { registerGetAudit } from "./routes/get-audit.js";
import { registerGetBackupStatus } from "./routes/get-backup-status.js";
import { registerPostBackupRun } from "./routes/post-backup-run.js";

/** Every route of this function; also used to generate its OpenAPI document. */
export function registerRoutes(app: OpenAPIHono<AppEnv>): void {
  registerGetBackupStatus(app);
  registerPostBackupRun(app);
  registerGetAudit(app);
}

/** backup-status: how fresh the backups of each store are; on-demand backups. */
export function createApp(deps: Deps) {
  // Its /metrics adds the backup families (ages, sizes, free disk, the last drill).
  const app = createBaseApp(deps, "backup-status", {
    metrics: async () => backupMetrics(await backupReport(deps.config)),
  });
  registerRoutes(app);
  return app;
}
