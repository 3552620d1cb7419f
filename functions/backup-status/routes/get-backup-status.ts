import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { backupRoot } from "../../../shared/backups/backup-dir.js";
import { backupStatus } from "../../../shared/backups/backup-status.js";
import { readLastDrill, readManifests } from "../../../shared/backups/read-manifests.js";
import type { AppEnv } from "../../../shared/http/create-app.js";
import { problemResponses } from "../../../shared/http/problem-schema.js";

const ComponentStatus = z.object({
  component: z.enum(["database", "objects", "vectors"]),
  status: z.enum(["healthy", "stale", "never"]),
  latest_backup_id: z.string().nullable(),
  latest_at: z.string().nullable(),
  age_hours: z.number().nullable(),
  count: z.number().int(),
  latest_size_bytes: z.number().nullable(),
  total_size_bytes: z.number(),
  last_verified: z.boolean().nullable(),
});

export const getBackupStatusRoute = createRoute({
  method: "get",
  path: "/backups/status",
  operationId: "getBackupStatus",
  tags: ["backup-status"],
  summary: "Backup freshness per component",
  description: "Read from the backup manifests. With no backups every component reports `never`.",
  responses: {
    200: {
      description: "Status",
      content: {
        "application/json": {
          schema: z.object({
            status: z.enum(["healthy", "stale", "never"]),
            stale_after_hours: z.number(),
            components: z.array(ComponentStatus),
            last_drill: z
              .object({
                at: z.string(),
                outcome: z.enum(["passed", "failed"]),
                rto_seconds: z.number(),
                backup_id: z.string(),
              })
              .nullable(),
          }),
        },
      },
    },
    ...problemResponses("service_unavailable"),
  },
});

export function registerGetBackupStatus(app: OpenAPIHono<AppEnv>) {
  app.openapi(getBackupStatusRoute, async (c) => {
    const { config } = c.var.deps;
    const dir = backupRoot(config);
    const components = backupStatus(await readManifests(dir), config.BACKUP_STALE_HOURS, new Date());
    // The whole is as good as its worst part.
    const worst = components.some((s) => s.status === "never")
      ? "never"
      : components.some((s) => s.status === "stale")
        ? "stale"
        : "healthy";
    return c.json(
      {
        status: worst,
        stale_after_hours: config.BACKUP_STALE_HOURS,
        components,
        last_drill: (await readLastDrill(dir)) ?? null,
      },
      200,
    );
  });
}
