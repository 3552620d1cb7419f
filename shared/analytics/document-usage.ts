import type { Principal } from "../auth/principal.js";
import { raw, sql } from "../db/sql.js";
import type { Deps } from "../deps/deps.js";
import { analyticsScope, inScope, scopeView } from "./analytics-scope.js";
import { noisyCount } from "./laplace-noise.js";

/**
 * GET /analytics/documents: the documents retrieval returned most over a range (how many
 * queries returned each), and indexed documents no query returned (what nobody finds, or what
 * nobody needs). Deleted documents are left out. With ANALYTICS_EPSILON the counts carry
 * Laplace noise.
 */
export async function documentUsage(
  deps: Pick<Deps, "db" | "config">,
  actor: Principal,
  input: { from?: string; to?: string; collectionId?: string; limit: number },
) {
  const scope = await analyticsScope(deps.db, actor, input);
  const inCollection =
    scope.collectionId === null ? raw("true") : sql`d.collection_id = ${scope.collectionId}`;
  const most = await deps.db.query<{
    document_id: string;
    collection_id: string;
    filename: string;
    queries: number;
  }>(
    sql`
    select d.id as document_id, d.collection_id, d.filename, u.queries
    from (select r.id, count(*)::int as queries
          from query_events e, unnest(e.document_ids) r(id) where ${inScope(scope, "e")} group by r.id) u
    join documents d on d.id = u.id and d.deleted_at is null
    order by u.queries desc, d.filename, d.id limit ${input.limit}`,
  );
  const never = await deps.db.query<{ document_id: string; collection_id: string; filename: string }>(sql`
    select d.id as document_id, d.collection_id, d.filename from documents d
    where ${inCollection} and d.deleted_at is null and d.index_status = 'indexed'
      and not exists (select 1 from query_events e where ${inScope(scope, "e")}
                      and e.collection_id = d.collection_id and d.id = any(e.document_ids))
    order by d.upload_date, d.id limit ${input.limit}`);
  const epsilon = deps.config.ANALYTICS_EPSILON;
  const published = most
    .map((d) => ({ ...d, queries: noisyCount(d.queries, epsilon) }))
    .sort((a, b) => b.queries - a.queries);
  return {
    ...scopeView(scope),
    noise_epsilon: epsilon ?? null,
    most_retrieved: published,
    never_retrieved: never,
  };
}
