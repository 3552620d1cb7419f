import type { Database } from "../db/database.js";
import { sql } from "../db/sql.js";

/**
 * Query analytics older than `days` go: whole daily partitions of query events (and old rows of
 * the default partition), and feedback rows; partitions for the next two days are made first.
 * Returns the partitions dropped.
 */
export async function expireAnalytics(db: Database, days: number): Promise<string[]> {
  await db.query(sql`select ensure_query_event_partitions(2)`);
  const dropped = await db.query<{ name: string }>(
    sql`select drop_query_event_partitions_older_than(${days}) as name`,
  );
  await db.query(sql`delete from query_feedback where at < now() - make_interval(days => ${days})`);
  return dropped.map((d) => d.name);
}
