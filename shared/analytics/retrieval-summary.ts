import type { Principal } from "../auth/principal.js";
import { sql } from "../db/sql.js";
import type { Deps } from "../deps/deps.js";
import { analyticsScope, inScope, scopeView } from "./analytics-scope.js";
import { latencyView } from "./latency-view.js";

const rate = (part: number, whole: number) => (whole === 0 ? null : part / whole);

/**
 * GET /analytics/retrieval: how retrieval went over a range. Counts are exact (no group of
 * people is published here, only totals); latencies are the query function's own, from the
 * request's validation to its answer.
 */
export async function retrievalSummary(
  deps: Pick<Deps, "db">,
  actor: Principal,
  input: { from?: string; to?: string; collectionId?: string },
) {
  const scope = await analyticsScope(deps.db, actor, input);
  const [totals] = await deps.db.query<{
    queries: number;
    failed: number;
    zero_results: number;
    cache_hits: number;
    p50: number | null;
    p95: number | null;
    mean_top_score: number | null;
    keyword: number;
    vector: number;
    hybrid: number;
  }>(sql`
    select count(*)::int as queries,
      count(*) filter (where e.error_class is not null)::int as failed,
      count(*) filter (where e.error_class is null and e.result_count = 0)::int as zero_results,
      count(*) filter (where e.cache_hit)::int as cache_hits,
      percentile_cont(0.5) within group (order by e.latency_ms) as p50,
      percentile_cont(0.95) within group (order by e.latency_ms) as p95,
      avg(e.top_score) filter (where e.error_class is null and e.result_count > 0) as mean_top_score,
      count(*) filter (where e.mode = 'keyword')::int as keyword,
      count(*) filter (where e.mode = 'vector')::int as vector,
      count(*) filter (where e.mode = 'hybrid')::int as hybrid
    from query_events e where ${inScope(scope, "e")}`);
  const [documents] = await deps.db.query<{ unique_documents: number }>(sql`
    select count(distinct d)::int as unique_documents from query_events e, unnest(e.document_ids) d
    where ${inScope(scope, "e")}`);
  const [feedback] = await deps.db.query<{ helpful: number; not_helpful: number }>(sql`
    select count(*) filter (where f.helpful)::int as helpful, count(*) filter (where not f.helpful)::int as not_helpful
    from query_feedback f where ${inScope(scope, "f")}`);
  // An aggregate without GROUP BY always returns its one row.
  const t = totals as NonNullable<typeof totals>;
  const answered = t.queries - t.failed;
  return {
    ...scopeView(scope),
    queries: t.queries,
    by_mode: { keyword: t.keyword, vector: t.vector, hybrid: t.hybrid },
    unique_documents: documents?.unique_documents ?? 0,
    failed: t.failed,
    zero_results: t.zero_results,
    cache_hits: t.cache_hits,
    failure_rate: rate(t.failed, t.queries),
    zero_result_rate: rate(t.zero_results, answered),
    cache_hit_rate: rate(t.cache_hits, answered),
    latency_ms: latencyView(t.p50, t.p95),
    mean_top_score: t.mean_top_score === null ? null : Number(t.mean_top_score),
    feedback: { helpful: feedback?.helpful ?? 0, not_helpful: feedback?.not_helpful ?? 0 },
  };
}
