import { assertAllCollections, assertCollection, type Principal } from "../auth/principal.js";
import { getCollection } from "../collections/collections.js";
import type { Queryable } from "../db/database.js";
import { and, raw, type SqlFragment, sql } from "../db/sql.js";

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
 * by id; every collection needs a key for all); 404 for a collection that does not exist. The
 * range is cut to at most a year (withinRange).
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
  const asked = input.from === undefined ? new Date(to.getTime() - defaultDays * day) : new Date(input.from);
  return { from: withinRange(asked, to, maxDays * day), to, collectionId: input.collectionId ?? null };
}

/**
 * The start a range is read from: `from` itself, unless the range is longer than `maxMs` (then
 * the last `maxMs` before `to`, which bounds what one request reads) or `from` is not before
 * `to` (then `to`: an empty range). The answers name the range they read.
 */
export function withinRange(from: Date, to: Date, maxMs: number): Date {
  if (from >= to) return to;
  return to.getTime() - from.getTime() > maxMs ? new Date(to.getTime() - maxMs) : from;
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
