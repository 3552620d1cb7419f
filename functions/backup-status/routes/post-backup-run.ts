import { createHash, timingSafeEqual } from "node:crypto";
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
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
  summary: "Start a backup now (admin token)",
  description:
    "Starts a verified backup of the chosen components (all by default) and answers at once; `GET /backups/status` shows it when its manifest is written. Needs `Authorization: Bearer <BACKUP_RUN_TOKEN>`; without that setting on-demand backups are disabled (403).",
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

const digest = (s: string) => createHash("sha256").update(s).digest();

/** Constant-time comparison of the presented bearer token with the configured one. */
function assertToken(header: string | undefined, token: string | undefined): void {
  if (token === undefined) {
    throw new ApiError("forbidden", "On-demand backups are disabled: set BACKUP_RUN_TOKEN to enable them");
  }
  const presented = /^Bearer\s+(\S+)$/i.exec(header ?? "")?.[1];
  if (presented === undefined || !timingSafeEqual(digest(presented), digest(token))) {
    throw new ApiError(
      "unauthorized",
      "A valid bearer token is required (Authorization: Bearer <BACKUP_RUN_TOKEN>)",
    );
  }
}

export function registerPostBackupRun(app: OpenAPIHono<AppEnv>) {
  // Before the body is validated: who may ask comes before what they ask.
  app.use(postBackupRunRoute.path, async (c, next) => {
    if (c.req.method === "POST")
      assertToken(c.req.header("authorization"), c.var.deps.config.BACKUP_RUN_TOKEN);
    await next();
  });
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
