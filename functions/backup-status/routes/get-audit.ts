import { type OpenAPIHono, z } from "@hono/zod-openapi";
import { listAudit } from "../../../shared/audit/list-audit.js";
import type { AppEnv } from "../../../shared/http/create-app.js";
import { problemResponses } from "../../../shared/http/problem-schema.js";
import { policyRoute, rateLimited, requireKey } from "../../../shared/http/route-policy.js";
import { queryInteger } from "../../../shared/http/schemas/common.js";
import { storedText } from "../../../shared/http/schemas/text.js";
import { TimestampSchema } from "../../../shared/http/schemas/timestamp.js";

const AuditQuery = z.object({
  actor: storedText().min(1).max(200).optional(),
  action: storedText().min(1).max(100).optional(),
  target: storedText().min(1).max(200).optional(),
  since: TimestampSchema.optional(),
  until: TimestampSchema.optional(),
  limit: queryInteger({ min: 1, max: 500, default: 100 }),
  offset: queryInteger({ min: 0, max: 1_000_000, default: 0 }),
});

const AuditEntry = z.object({
  id: z.string(),
  at: z.string(),
  actor: z.string(),
  action: z.string(),
  target: z.string(),
  details: z.record(z.string(), z.unknown()),
});

export const getAuditRoute = policyRoute({
  method: "get",
  path: "/audit",
  operationId: "listAudit",
  tags: ["backup-status"],
  summary: "The audit log (admin key)",
  description:
    "Uploads, replacements, deletes, download links, reindex requests, on-demand backups and key changes, newest first.",
  middleware: [requireKey("admin", "all"), rateLimited("default")],
  request: { query: AuditQuery },
  responses: {
    200: {
      description: "A page of entries",
      content: {
        "application/json": {
          schema: z.object({
            items: z.array(AuditEntry),
            total: z.number().int(),
            limit: z.number(),
            offset: z.number(),
          }),
        },
      },
    },
    ...problemResponses("validation_failed"),
  },
});

export function registerGetAudit(app: OpenAPIHono<AppEnv>) {
  app.openapi(getAuditRoute, async (c) => {
    const q = c.req.valid("query");
    const { items, total } = await listAudit(c.var.deps.db, q);
    return c.json({ items, total, limit: q.limit, offset: q.offset }, 200);
  });
}
