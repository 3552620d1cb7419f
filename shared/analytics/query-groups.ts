import type { Principal } from "../auth/principal.js";
import { sql } from "../db/sql.js";
import type { Deps } from "../deps/deps.js";
import { analyticsScope, inScope, scopeView } from "./analytics-scope.js";
import { noisyCount } from "./laplace-noise.js";

interface Group {
  query_hash: string;
  queries: number;
  text: string | null;
}

/**
 * GET /analytics/queries: the questions asked most, and those that found nothing, grouped by the
 * hash of their normal form (only collections whose analytics_text is hashed or full have one).
 * A group is shown only from ANALYTICS_MIN_COUNT queries up, so that a rare question, which
 * may tell who asked it, stays out; its text only where the collection keeps it (full). With
 * ANALYTICS_EPSILON the published counts carry Laplace noise, and the threshold applies to them.
 */
export async function queryGroups(
  deps: Pick<Deps, "db" | "config">,
  actor: Principal,
  input: { from?: string; to?: string; collectionId?: string; limit: number },
) {
  const scope = await analyticsScope(deps.db, actor, input);
  const minCount = deps.config.ANALYTICS_MIN_COUNT;
  const epsilon = deps.config.ANALYTICS_EPSILON;
  // With noise, groups a little below the threshold may be published and some above it not:
  // the candidates reach 10/ε below it (the noise passes that once in 2·e^10 draws).
  const floor = epsilon === undefined ? minCount : Math.max(1, minCount - Math.ceil(10 / epsilon));
  const candidates = epsilon === undefined ? input.limit : input.limit * 4 + 50;
  const groups = async (answered: boolean) => {
    const rows = await deps.db.query<Group>(sql`
      select e.query_hash, count(*)::int as queries, min(e.query_text) as text
      from query_events e
      where ${inScope(scope, "e")} and e.query_hash is not null
        and (${answered} or (e.error_class is null and e.result_count = 0))
      group by e.query_hash having count(*) >= ${floor}
      order by count(*) desc, e.query_hash limit ${candidates}`);
    return rows
      .map((g) => ({ ...g, queries: noisyCount(g.queries, epsilon) }))
      .filter((g) => g.queries >= minCount)
      .sort((a, b) => b.queries - a.queries || a.query_hash.localeCompare(b.query_hash))
      .slice(0, input.limit);
  };
  const [counts] = await deps.db.query<{ without_text: number; hidden_groups: number }>(sql`
    select (select count(*)::int from query_events e where ${inScope(scope, "e")} and e.query_hash is null)
             as without_text,
           (select count(*)::int from (select 1 from query_events e
              where ${inScope(scope, "e")} and e.query_hash is not null
              group by e.query_hash having count(*) < ${minCount}) small) as hidden_groups`);
  return {
    ...scopeView(scope),
    min_count: minCount,
    noise_epsilon: epsilon ?? null,
    top: await groups(true),
    unanswered: await groups(false),
    hidden_groups: noisyCount(counts?.hidden_groups ?? 0, epsilon),
    queries_without_text: counts?.without_text ?? 0,
  };
}
