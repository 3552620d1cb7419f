import type { Queryable } from "../db/database.js";
import { raw, sql } from "../db/sql.js";

/**
 * The tables whose rows a backup counts and a restore must give back, analytics included.
 * `vectors` exists only where pgvector does; `query_events` is partitioned by day.
 */
export const countedTables = [
  "collections",
  "documents",
  "chunks",
  "vectors",
  "query_events",
  "query_feedback",
  "analytics_settings",
] as const;

const counted = new Set<string>(countedTables);

/** Rows per table, recorded in the manifest and compared after a restore. */
export async function countRows(db: Queryable): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of countedTables) {
    const [exists] = await db.query<{ ok: boolean }>(
      sql`select to_regclass(${`public.${table}`}) is not null as ok`,
    );
    if (!exists?.ok) continue;
    // The name comes from the constant list above, never from input.
    const [row] = await db.query<{ n: number }>(sql`select count(*)::int as n from ${raw(table)}`);
    counts[table] = row?.n ?? 0;
  }
  return counts;
}

/**
 * The tables that hold the rows of `tables`: each table itself, or for a partitioned one its
 * partitions (a partitioned table keeps no rows of its own, so a dump has no data entry for it).
 */
export async function tablesHoldingRows(db: Queryable, tables: readonly string[]): Promise<string[]> {
  const holding: string[] = [];
  for (const table of tables) {
    const leaves = await db.query<{ name: string }>(sql`
      select c.relname as name from pg_partition_tree(${`public.${table}`}::regclass) p
      join pg_class c on c.oid = p.relid where p.isleaf order by 1`);
    holding.push(...(leaves.length > 0 ? leaves.map((l) => l.name) : [table]));
  }
  return holding;
}

/** What differs between the counts a backup recorded and those found: one line per table. */
export function rowCountProblems(expected: Record<string, number>, actual: Record<string, number>): string[] {
  return Object.keys(actual)
    .filter((t) => expected[t] !== undefined && expected[t] !== actual[t])
    .map((t) => `${t}: ${actual[t]} rows, the backup had ${expected[t]}`);
}

/**
 * A statement that fails unless each counted table the backup recorded holds exactly its
 * recorded rows: run last in a restore's transaction, before the running functions can write
 * to the restored tables (query events arrive every second), so a mismatch undoes the restore.
 * Table names come from countedTables, counts must be integers: the manifest is only a file.
 */
export function rowCountCheck(expected: Record<string, number>): string | undefined {
  const entries = Object.entries(expected).filter(([t]) => counted.has(t));
  if (entries.length === 0) return undefined;
  const bad = entries.find(([, n]) => !Number.isSafeInteger(n) || n < 0);
  if (bad !== undefined) throw new Error(`manifest: ${bad[0]} has ${bad[1]} rows, not a count`);
  const values = entries.map(([t, n]) => `('${t}', ${n})`).join(", ");
  // public. spelled out: pg_restore's script empties search_path.
  return `do $check$
declare
  e record;
  n bigint;
  wrong text[] := '{}';
begin
  for e in select * from (values ${values}) as v(name, rows) loop
    if to_regclass('public.' || e.name) is null then
      wrong := wrong || format('%s: no such table, the backup had %s rows', e.name, e.rows);
    else
      execute format('select count(*) from public.%I', e.name) into n;
      if n <> e.rows then
        wrong := wrong || format('%s: %s rows, the backup had %s', e.name, n, e.rows);
      end if;
    end if;
  end loop;
  if cardinality(wrong) > 0 then
    raise exception 'database restore did not verify: %', array_to_string(wrong, '; ');
  end if;
end
$check$`;
}
