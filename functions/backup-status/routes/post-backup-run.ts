import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { audit } from "../../../shared/audit/audit-log.js";
import { BackupBusyError } from "../../../shared/backups/backup-lock.js";
import { backupComponents } from "../../../shared/backups/manifest.js";
import { startBackup } from "../../../shared/backups/run-backup.js";
import { ApiError } from "../../../shared/errors/api-error.js";
import type { AppEnv } from "../../../shared/http/create-app.js";
import { problemResponses } from "../../../shared/http/problem-schema.js";

export const postBackupRunRoute = createRoute({
  method: "post",
  path: "/backups/run",
  operationId: "runBackup",
  tags: ["backup-status"],
  summary: "Start a backup now (admin key)",
  description:
    "Starts a verified backup of the chosen components (all by default) and answers at once; `GET /backups/status` shows it when its manifest is written. Needs an API key with the admin scope.",
  security: [{ Bearer: [] }],
  request: {
    body: {
      required: false,
      content: {
        "application/json": {
          schema: z
            .object({ components: z.array(z.enum(backupComponents)).min(1).max(3).optional() })
            .strict(),
        },
      },
    },
  },
  responses: {
    202: {
      description: "Started",
      content: {
        "application/json": {
          schema: z.object({
            backup_id: z.string(),
            components: z.array(z.enum(backupComponents)),
            status_url: z.string(),
          }),
        },
      },
    },
    ...problemResponses("bad_request", "validation_failed", "unauthorized", "forbidden", "conflict"),
  },
});

export function registerPostBackupRun(app: OpenAPIHono<AppEnv>) {
  app.openapi(postBackupRunRoute, async (c) => {
    const { deps } = c.var;
    const body = c.req.header("content-type")?.includes("json") ? c.req.valid("json") : {};
    const components = [...new Set(body?.components ?? backupComponents)];
    let started: Awaited<ReturnType<typeof startBackup>>;
    try {
      started = await startBackup(deps, { components });
    } catch (error) {
      if (error instanceof BackupBusyError)
        throw new ApiError("conflict", "A backup or restore is already running");
      throw error;
    }
    await audit(deps.db, {
      actor: c.var.principal.name,
      action: "backup.run",
      target: started.id,
      details: { components },
    });
    // The backup outlives the request; its outcome is the manifest (or its absence) and the log.
    started.done.then(
      ({ manifest }) => deps.log.info("on-demand backup complete", { backupId: manifest.id }),
      (error: unknown) =>
        deps.log.error("on-demand backup FAILED (no manifest written)", {
          backupId: started.id,
          error: (error as Error).message,
        }),
    );
    return c.json({ backup_id: started.id, components, status_url: "/backups/status" }, 202);
  });
}
