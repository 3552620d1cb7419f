import { assertCollection, mayUseCollection, type Principal } from "../auth/principal.js";
import type { Queryable } from "../db/database.js";
import { and, type SqlFragment, sql } from "../db/sql.js";
import { ApiError } from "../errors/api-error.js";
import type { DocumentRow } from "./document-row.js";
import { type FilterExpression, filterSql } from "./filter-expression.js";
import { visibleTo } from "./visible-to.js";

/** A visible document (not being deleted), or undefined. */
export async function findDocument(db: Queryable, id: string): Promise<DocumentRow | undefined> {
  const [row] = await db.query<DocumentRow>(
    sql`select * from documents where id = ${id} and deleted_at is null`,
  );
  return row;
}

/**
 * A visible document the caller may see. One in a collection their key may not use is answered
 * as not found, exactly like one that does not exist, so its existence does not leak.
 */
export async function getDocument(db: Queryable, actor: Principal, id: string): Promise<DocumentRow> {
  const row = await findDocument(db, id);
  if (row === undefined || !mayUseCollection(actor, row.collection_id))
    throw new ApiError("not_found", `Document ${id} not found`);
  return row;
}

export interface DocumentFilter {
  collection_id?: string;
  /** Any of these collections (an API key limited to some). */
  collection_ids?: string[];
  document_ids?: string[];
  content_type?: string[];
  filename?: string;
  /** Documents whose name contains this, ignoring case (a person looking for a file). */
  filename_contains?: string;
  index_status?: DocumentRow["index_status"];
  created_by?: string;
  /** Documents whose metadata contains these key/values (jsonb containment). */
  metadata?: Record<string, unknown>;
  /** Conditions with operators, and/or (a query's filter: shared/documents/parse-filter.ts). */
  expression?: FilterExpression;
}

/** The document filter as SQL conditions on alias `d`. Shared by listing and query filters. */
export function documentConditions(filter: DocumentFilter): SqlFragment {
  const c: SqlFragment[] = [sql`d.deleted_at is null`];
  if (filter.collection_id !== undefined) c.push(sql`d.collection_id = ${filter.collection_id}`);
  if (filter.collection_ids !== undefined)
    c.push(sql`d.collection_id = any(${filter.collection_ids}::uuid[])`);
  if (filter.document_ids !== undefined) c.push(sql`d.id = any(${filter.document_ids}::uuid[])`);
  if (filter.content_type !== undefined) c.push(sql`d.content_type = any(${filter.content_type}::text[])`);
  if (filter.filename !== undefined) c.push(sql`d.filename = ${filter.filename}`);
  // position(), not LIKE: % and _ in what a person types are letters, not wildcards.
  if (filter.filename_contains !== undefined)
    c.push(sql`position(lower(${filter.filename_contains}) in lower(d.filename)) > 0`);
  if (filter.index_status !== undefined) c.push(sql`d.index_status = ${filter.index_status}`);
  if (filter.created_by !== undefined) c.push(sql`d.created_by = ${filter.created_by}`);
  if (filter.metadata !== undefined && Object.keys(filter.metadata).length > 0) {
    c.push(sql`d.metadata @> ${JSON.stringify(filter.metadata)}::jsonb`);
  }
  if (filter.expression !== undefined) c.push(filterSql(filter.expression));
  return and(c);
}

export interface DocumentPage {
  items: DocumentRow[];
  totals: { count: number; total_size: number; average_size: number };
}

/** GET /documents: a page of the documents the caller may see, newest first, with totals. */
export async function listDocuments(
  db: Queryable,
  actor: Principal,
  filter: DocumentFilter,
  page: { limit: number; offset: number },
): Promise<DocumentPage> {
  if (filter.collection_id !== undefined) assertCollection(actor, filter.collection_id);
  const where = and([documentConditions(filter), visibleTo(actor, sql`d.collection_id`)]);
  const items = await db.query<DocumentRow>(sql`
    select d.* from documents d where ${where}
    order by d.upload_date desc, d.id limit ${page.limit} offset ${page.offset}`);
  const [totals] = await db.query<{
    count: number;
    total_size: string | null;
    average_size: string | null;
  }>(sql`
    select count(*)::int as count, sum(d.size)::text as total_size, avg(d.size)::text as average_size
    from documents d where ${where}`);
  return {
    items,
    totals: {
      count: totals?.count ?? 0,
      total_size: Number(totals?.total_size ?? 0),
      average_size: Math.round(Number(totals?.average_size ?? 0)),
    },
  };
}
