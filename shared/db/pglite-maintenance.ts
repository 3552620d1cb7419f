import type { Database, Queryable } from "./database.js";
import { raw, sql } from "./sql.js";

/**
 * What autovacuum does for a PostgreSQL server, done for PGlite, which has no background
 * processes: the tables search reads are analysed once enough of them changed, so the planner
 * knows their sizes and value distributions (without statistics it read every chunk of a
 * collection for each query word instead of using the full-text index, and it never weighed a
 * collection's HNSW index against an exact scan), and vacuumed once enough rows died, so the
 * indexes do not keep pointing at them (re-indexing a document replaces its chunks). Thresholds
 * are autovacuum's defaults: 50 rows plus 10% of the table to analyse, plus 20% to vacuum. A
 * table that was never analysed counts as due.
 */
const tables = ["chunks", "documents", "vectors"] as const;

/**
 * What ANALYZE reads of each table (all columns unless listed). The planner needs the vectors'
 * count per collection, not statistics of the vectors themselves, which would detoast a sample
 * of them. The vectors are not vacuumed here: an HNSW vacuum repairs the graph around every dead
 * element, which on PGlite would hold the serving thread for as long as it takes.
 */
const analysed: Partial<Record<(typeof tables)[number], string>> = { vectors: "(collection_id)" };
const vacuumed: readonly string[] = ["chunks", "documents"];

interface Due {
  relname: string;
  vacuum: boolean;
  analyze: boolean;
}

export async function maintenanceDue(db: Queryable): Promise<Due[]> {
  // Counters reach pg_stat_user_tables when a backend flushes them, which PGlite's single
  // backend does only now and then.
  await db.query(sql`select pg_stat_force_next_flush()`);
  const rows = await db.query<Due>(sql`
    select s.relname,
      s.n_dead_tup > 50 + 0.2 * greatest(c.reltuples, 0) as vacuum,
      c.reltuples < 0 or s.n_mod_since_analyze > 50 + 0.1 * greatest(c.reltuples, 0) as analyze
    from pg_stat_user_tables s join pg_class c on c.oid = s.relid
    where s.schemaname = 'public' and s.relname = any(${[...tables]}::text[])`);
  return rows.filter((r) => r.vacuum || r.analyze);
}

/** Vacuums and analyses the tables that are due (see above); returns what it did. */
export async function maintainTables(db: Database): Promise<string[]> {
  const done: string[] = [];
  for (const t of await maintenanceDue(db)) {
    const table = tables.find((name) => name === t.relname);
    if (table === undefined) continue;
    const vacuum = t.vacuum && vacuumed.includes(table);
    if (!vacuum && !t.analyze) continue;
    const columns = analysed[table];
    // VACUUM cannot run inside a transaction: each is a statement of its own.
    const command = vacuum ? `vacuum (analyze) ${table}` : `analyze ${table}${columns ? ` ${columns}` : ""}`;
    await db.query(raw(command));
    done.push(command);
  }
  return done;
}
