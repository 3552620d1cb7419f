import { type OpenAPIHono, z } from "@hono/zod-openapi";
import { backupReport } from "../../../shared/backups/backup-report.js";
import type { AppEnv } from "../../../shared/http/create-app.js";
import { problemResponses } from "../../../shared/http/problem-schema.js";
import { policyRoute, rateLimited, requireKey } from "../../../shared/http/route-policy.js";

const Freshness = z.enum(["healthy", "stale", "never"]);

const ComponentStatus = z.object({
  component: z.enum(["database", "objects", "vectors"]),
  status: Freshness,
  latest_backup_id: z.string().nullable(),
  latest_at: z.string().nullable(),
  age_hours: z.number().nullable(),
  count: z.number().int(),
  latest_size_bytes: z.number().nullable(),
  total_size_bytes: z.number(),
  last_verified: z.boolean().nullable(),
});

const Drill = z
  .object({
    at: z.string(),
    outcome: z.enum(["passed", "failed"]),
    rto_seconds: z.number().openapi({ description: "Restore wall time, its own verification included" }),
    backup_id: z.string(),
    backup_seconds: z.number().optional(),
    verify_seconds: z.number().optional(),
    sizes: z.record(z.string(), z.number()).optional(),
  })
  .openapi("DrillRecord");

const BackupTarget = z
  .object({ free_bytes: z.number(), total_bytes: z.number() })
  .openapi("BackupTarget", { description: "The file system backups are written to" });

export const getBackupStatusRoute = policyRoute({
  method: "get",
  path: "/backups/status",
  operationId: "getBackupStatus",
  tags: ["backup-status"],
  summary: "Backup freshness per component, the last drill, free disk and the RPO/RTO targets",
  description:
    "Read from the backup manifests and drill records. With no backups every component reports `never`.",
  middleware: [requireKey("read"), rateLimited("default")],
  responses: {
    200: {
      description: "Status",
      content: {
        "application/json": {
          schema: z.object({
            status: Freshness,
            stale_after_hours: z.number(),
            components: z.array(ComponentStatus),
            last_drill: z.union([Drill, z.null()]),
            target: z.union([BackupTarget, z.null()]),
            objectives: z.object({
              rpo_hours: z.number(),
              rto_minutes: z.number(),
              rpo_met: z.boolean().nullable(),
              rto_met: z.boolean().nullable(),
            }),
          }),
        },
      },
    },
    ...problemResponses("service_unavailable"),
  },
});

export function registerGetBackupStatus(app: OpenAPIHono<AppEnv>) {
  app.openapi(getBackupStatusRoute, async (c) => {
    const report = await backupReport(c.var.deps.config);
    // The drill's comparison (ids of what differed), error (tool output) and the window of
    // analytics rows it compared stay in the record on the backup volume: any read key may call
    // this route.
    const {
      comparison: _comparison,
      error: _error,
      analytics_window: _window,
      ...drill
    } = report.last_drill ?? {};
    return c.json(
      { ...report, last_drill: report.last_drill ? (drill as z.infer<typeof Drill>) : null },
      200,
    );
  });
}
