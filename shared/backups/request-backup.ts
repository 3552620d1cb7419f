import { audit } from "../audit/audit-log.js";
import type { Principal } from "../auth/principal.js";
import type { Deps } from "../deps/deps.js";
import { ApiError } from "../errors/api-error.js";
import { BackupBusyError } from "./backup-lock.js";
import type { BackupComponent } from "./manifest.js";
import { startBackup } from "./run-backup.js";

/**
 * POST /backups/run: starts a backup and answers at once. It is audited before anything is
 * written (no audit row, no backup); its outcome is the manifest, or its absence, and the log.
 */
export async function requestBackup(
  deps: Deps,
  actor: Principal,
  components: readonly BackupComponent[],
): Promise<{ id: string }> {
  let started: Awaited<ReturnType<typeof startBackup>>;
  try {
    started = await startBackup(deps, {
      components,
      beforeStart: (id) =>
        audit(deps.db, { actor: actor.name, action: "backup.run", target: id, details: { components } }),
    });
  } catch (error) {
    if (error instanceof BackupBusyError)
      throw new ApiError("conflict", "A backup or restore is already running");
    throw error;
  }
  started.done.then(
    ({ manifest }) => deps.log.info("on-demand backup complete", { backupId: manifest.id }),
    (error: unknown) =>
      deps.log.error("on-demand backup FAILED (no manifest written)", {
        backupId: started.id,
        error: (error as Error).message,
      }),
  );
  return { id: started.id };
}
