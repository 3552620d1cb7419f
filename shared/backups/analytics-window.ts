import type { Queryable } from "../db/database.js";
import { sql } from "../db/sql.js";

/**
 * The analytics rows a drill compares: those recorded at or after `from` and before `to`. The
 * running functions keep writing analytics while a drill runs, so it compares only the rows
 * that nothing but a restore can add, change or remove in that time.
 */
export interface AnalyticsWindow {
  from: Date;
  to: Date;
}

/**
 * How long before the drill's start `to` lies. A query's event is stamped with the query's time
 * and written about a second later (a partial batch waits 1 s: build-query-events.ts): an event
 * stamped before `to` is in the database when the drill starts, unless its write ended more than
 * 10 s after its query or the query function's clock is that far behind the database's.
 */
export const analyticsSettleMs = 10_000;

const dayMs = 86_400_000;

/**
 * The window of a drill starting at `now`: from a day inside the retention (the worker deletes
 * feedback older than it, and drops whole days of events, at any time) to `analyticsSettleMs`
 * before `now`. With a retention of one day it is empty.
 */
export function analyticsWindowAt(now: Date, retentionDays: number): AnalyticsWindow {
  return {
    from: new Date(now.getTime() - (retentionDays - 1) * dayMs),
    to: new Date(now.getTime() - analyticsSettleMs),
  };
}

/** The window of a drill starting now, by the database's clock (which stamps feedback). */
export async function analyticsWindow(db: Queryable, retentionDays: number): Promise<AnalyticsWindow> {
  const [row] = await db.query<{ ms: number }>(sql`select extract(epoch from now())::float8 * 1000 as ms`);
  if (row === undefined) throw new Error("the database did not tell its time");
  return analyticsWindowAt(new Date(row.ms), retentionDays);
}
