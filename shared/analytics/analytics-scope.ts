import { assertAllCollections, assertCollection, type Principal } from "../auth/principal.js";
import { getCollection } from "../collections/collections.js";
import type { Queryable } from "../db/database.js";
import { and, raw, type SqlFragment, sql } from "../db/sql.js";
import { ApiError } from "../errors/api-error.js";

/** What an analytics route reads: a time range, of one collection or of every one. */
export interface AnalyticsScope {
  from: Date;
  to: Date;
  collectionId: string | null;
}

/** Seven days up to now when the range is not given; a year at most. */
const defaultDays = 7;
const maxDays = 366;
const day = 86_400_000;

/**
 * Checks the caller may read the scope (a key limited to some collections reads one of them,
 * by id; every collection needs a key for all) and the range is sound; 404 for a collection
 * that does not exist.
 */
export async function analyticsScope(
  db: Queryable,
  actor: Principal,
  input: { from?: string; to?: string; collectionId?: string },
): Promise<AnalyticsScope> {
  if (input.collectionId === undefined) assertAllCollections(actor, "analytics over every collection");
  else {
    assertCollection(actor, input.collectionId);
    await getCollection(db, input.collectionId);
  }
  const to = input.to === undefined ? new Date() : new Date(input.to);
  const from = input.from === undefined ? new Date(to.getTime() - defaultDays * day) : new Date(input.from);
  if (!(from < to)) throw new ApiError("validation_failed", "`from` must be before `to`");
  if (to.getTime() - from.getTime() > maxDays * day) {
    throw new ApiError("validation_failed", `the range may span ${maxDays} days at most`);
  }
  return { from, to, collectionId: input.collectionId ?? null };
}

/** The rows inside the scope of query_events as `e` or query_feedback as `f`. */
export function inScope(scope: AnalyticsScope, alias: "e" | "f"): SqlFragment {
  const at = raw(`${alias}.at`);
  const conditions = [sql`${at} >= ${scope.from}`, sql`${at} < ${scope.to}`];
  if (scope.collectionId !== null)
    conditions.push(sql`${raw(`${alias}.collection_id`)} = ${scope.collectionId}`);
  return and(conditions);
}

export function scopeView(scope: AnalyticsScope) {
  return { from: scope.from.toISOString(), to: scope.to.toISOString(), collection_id: scope.collectionId };
}
