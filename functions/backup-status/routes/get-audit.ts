import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { and, type SqlFragment, sql } from "../../../shared/db/sql.js";
import type { AppEnv } from "../../../shared/http/create-app.js";
import { problemResponses } from "../../../shared/http/problem-schema.js";
import { queryInteger } from "../../../shared/http/schemas/common.js";
import { TimestampSchema } from "../../../shared/http/schemas/timestamp.js";

const AuditQuery = z.object({
  actor: z.string().min(1).max(200).optional(),
  action: z.string().min(1).max(100).optional(),
  target: z.string().min(1).max(200).optional(),
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

export const getAuditRoute = createRoute({
  method: "get",
  path: "/audit",
  operationId: "listAudit",
  tags: ["backup-status"],
  summary: "The audit log (admin key)",
  description:
    "Uploads, replacements, deletes, download links, reindex requests, on-demand backups and key changes, newest first. Needs an API key with the admin scope.",
  security: [{ Bearer: [] }],
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
    ...problemResponses("validation_failed", "unauthorized", "forbidden"),
  },
});

export function registerGetAudit(app: OpenAPIHono<AppEnv>) {
  app.openapi(getAuditRoute, async (c) => {
    const q = c.req.valid("query");
    const conditions: SqlFragment[] = [sql`true`];
    if (q.actor !== undefined) conditions.push(sql`actor = ${q.actor}`);
    if (q.action !== undefined) conditions.push(sql`action = ${q.action}`);
    if (q.target !== undefined) conditions.push(sql`target = ${q.target}`);
    if (q.since !== undefined) conditions.push(sql`at >= ${q.since}::timestamptz`);
    if (q.until !== undefined) conditions.push(sql`at < ${q.until}::timestamptz`);
    const where = and(conditions);
    const { db } = c.var.deps;
    const rows = await db.query<{
      id: string;
      at: Date;
      actor: string;
      action: string;
      target: string;
      details: Record<string, unknown>;
    }>(sql`
      select id::text, at, actor, action, target, details from audit_logs where ${where}
      order by at desc, id desc limit ${q.limit} offset ${q.offset}`);
    const [count] = await db.query<{ n: number }>(
      sql`select count(*)::int as n from audit_logs where ${where}`,
    );
    return c.json(
      {
        items: rows.map((r) => ({ ...r, at: new Date(r.at).toISOString() })),
        total: count?.n ?? 0,
        limit: q.limit,
        offset: q.offset,
      },
      200,
    );
  });
}
