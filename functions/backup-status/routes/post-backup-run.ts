import { type OpenAPIHono, z } from "@hono/zod-openapi";
import { backupComponents } from "../../../shared/backups/manifest.js";
import { requestBackup } from "../../../shared/backups/request-backup.js";
import type { AppEnv } from "../../../shared/http/create-app.js";
import { problemResponses } from "../../../shared/http/problem-schema.js";
import { policyRoute, rateLimited, requireKey } from "../../../shared/http/route-policy.js";

export const postBackupRunRoute = policyRoute({
  method: "post",
  path: "/backups/run",
  operationId: "runBackup",
  tags: ["backup-status"],
  summary: "Start a backup now (admin key)",
  description:
    "Starts a verified backup of the chosen components (all by default) and answers at once; `GET /backups/status` shows it when its manifest is written.",
  middleware: [requireKey("admin", "all"), rateLimited("default")],
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
    ...problemResponses("bad_request", "validation_failed", "conflict"),
  },
});

export function registerPostBackupRun(app: OpenAPIHono<AppEnv>) {
  app.openapi(postBackupRunRoute, async (c) => {
    const components = [...new Set(c.req.valid("json").components ?? backupComponents)];
    const started = await requestBackup(c.var.deps, c.var.principal, components);
    return c.json({ backup_id: started.id, components, status_url: "/backups/status" }, 202);
  });
}
