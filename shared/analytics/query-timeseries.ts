import type { Principal } from "../auth/principal.js";
import { raw, sql } from "../db/sql.js";
import type { Deps } from "../deps/deps.js";
import { analyticsScope, inScope, scopeView, withinRange } from "./analytics-scope.js";
import { latencyView } from "./latency-view.js";

export type Bucket = "hour" | "day";

/** At most this many points: an hourly series over a year would be 8,784. */
const maxPoints = 2000;

/**
 * GET /analytics/timeseries: per hour or per day (UTC) over a range, every bucket present
 * (zeros where no query was asked): queries, failed, zero results, cache hits, latency p50/p95.
 * A range of more than maxPoints buckets is cut to the last ones before `to`.
 */
export async function queryTimeseries(
  deps: Pick<Deps, "db">,
  actor: Principal,
  input: { from?: string; to?: string; collectionId?: string; bucket: Bucket },
) {
  const step = input.bucket === "hour" ? 3_600_000 : 86_400_000;
  const asked = await analyticsScope(deps.db, actor, input);
  // Past maxPoints buckets, the last ones before `to`.
  const scope = { ...asked, from: withinRange(asked.from, asked.to, maxPoints * step) };
  const unit = raw(`'${input.bucket}'`);
  const rows = await deps.db.query<{
    start: string;
    queries: number;
    failed: number;
    zero_results: number;
    cache_hits: number;
    p50: number | null;
    p95: number | null;
  }>(sql`
    with buckets as (
      select generate_series(date_trunc(${unit}, ${scope.from}::timestamptz at time zone 'UTC'),
                             ${scope.to}::timestamptz at time zone 'UTC', ${`1 ${input.bucket}`}::interval) as start
    ), events as (
      select date_trunc(${unit}, e.at at time zone 'UTC') as start, e.* from query_events e where ${inScope(scope, "e")}
    )
    select to_char(b.start, 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as start, count(e.query_id)::int as queries,
      count(*) filter (where e.error_class is not null)::int as failed,
      count(*) filter (where e.error_class is null and e.result_count = 0)::int as zero_results,
      count(*) filter (where e.cache_hit)::int as cache_hits,
      percentile_cont(0.5) within group (order by e.latency_ms) as p50,
      percentile_cont(0.95) within group (order by e.latency_ms) as p95
    from buckets b left join events e on e.start = b.start
    where b.start < ${scope.to}::timestamptz at time zone 'UTC'
    group by b.start order by b.start`);
  return {
    ...scopeView(scope),
    bucket: input.bucket,
    points: rows.map((r) => ({
      start: r.start,
      queries: r.queries,
      failed: r.failed,
      zero_results: r.zero_results,
      cache_hits: r.cache_hits,
      latency_ms: latencyView(r.p50, r.p95),
    })),
  };
}
