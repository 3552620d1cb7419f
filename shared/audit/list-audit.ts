import type { Queryable } from "../db/database.js";
import { and, type SqlFragment, sql } from "../db/sql.js";

export interface AuditQuery {
  actor?: string;
  action?: string;
  target?: string;
  /** ISO 8601 instants, already validated as PostgreSQL accepts them. */
  since?: string;
  until?: string;
  limit: number;
  offset: number;
}

export interface AuditRow {
  id: string;
  at: string;
  actor: string;
  action: string;
  target: string;
  details: Record<string, unknown>;
}

/** A page of the audit log, newest first, with the total the filter matches. */
export async function listAudit(db: Queryable, q: AuditQuery): Promise<{ items: AuditRow[]; total: number }> {
  const conditions: SqlFragment[] = [sql`true`];
  if (q.actor !== undefined) conditions.push(sql`actor = ${q.actor}`);
  if (q.action !== undefined) conditions.push(sql`action = ${q.action}`);
  if (q.target !== undefined) conditions.push(sql`target = ${q.target}`);
  if (q.since !== undefined) conditions.push(sql`at >= ${q.since}::timestamptz`);
  if (q.until !== undefined) conditions.push(sql`at < ${q.until}::timestamptz`);
  const where = and(conditions);
  const rows = await db.query<Omit<AuditRow, "at"> & { at: Date | string }>(sql`
    select id::text, at, actor, action, target, details from audit_logs where ${where}
    order by at desc, id desc limit ${q.limit} offset ${q.offset}`);
  const [count] = await db.query<{ n: number }>(
    sql`select count(*)::int as n from audit_logs where ${where}`,
  );
  return { items: rows.map((r) => ({ ...r, at: new Date(r.at).toISOString() })), total: count?.n ?? 0 };
}
