import type { Deps } from "../../shared/deps/deps.js";
import { createBaseApp } from "../../shared/http/create-app.js";
import { rateLimit } from "../../shared/http/rate-limit.js";
import { registerGetBackupStatus } from "./routes/get-backup-status.js";

/** backup-status: how fresh the backups of each store are. */
export function createApp(deps: Deps) {
  const app = createBaseApp(deps, "backup-status");
  app.use(
    "*",
    rateLimit(() => "default"),
  );
  registerGetBackupStatus(app);
  return app;
}
