import type { SqlFragment } from "./sql.js";

/**
 * The one query interface both engines implement: postgres.js for a real server (usually
 * through PgBouncer) and PGlite for the embedded default. Rows come back as plain objects.
 */
export interface Queryable {
  query<T = Record<string, unknown>>(statement: SqlFragment): Promise<T[]>;
}

export interface Database extends Queryable {
  readonly kind: "postgres" | "pglite";
  /** Runs fn in one transaction; rolls back if it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /** Multi-statement SQL text without parameters (migrations only). */
  execScript(text: string): Promise<void>;
  ping(): Promise<void>;
  close(): Promise<void>;
  /**
   * PGlite only: a gzip'd tarball of its data directory, taken while it serves (the embedded
   * default's database backup; a real server is backed up with pg_dump instead).
   */
  dumpDataDir?(): Promise<Uint8Array>;
  /**
   * PGlite only: what autovacuum does on a server (pglite-maintenance.ts), for the tables that
   * are due; returns the commands it ran. Writers of many rows call it after they commit.
   */
  maintain?(): Promise<string[]>;
  /** postgres only: connections in use, operations waiting for one, and the pool's size. */
  poolStats?(): { inUse: number; waiting: number; max: number };
}
