import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { Config } from "../config.js";
import type { Database } from "../db/database.js";
import { createPostgresDatabase, postgresOptionsFrom } from "../db/postgres-database.js";
import { sql } from "../db/sql.js";
import { privateFileMode } from "../storage/private-files.js";
import { type BackupDocument, listBackupDocuments } from "./backup-documents.js";
import { describeFile } from "./backup-files.js";
import type { BackupComponentManifest } from "./manifest.js";
import { pgDump, pgRestoreList, toolVersion } from "./pg-tools.js";
import { countRows, tablesHoldingRows } from "./row-counts.js";

export const pgliteDumpFile = "database.tar.gz";
export const postgresDumpFile = "database.dump";

export interface DatabaseBackup {
  manifest: BackupComponentManifest;
  toolVersions: Record<string, string>;
  /** The documents as of the dump, so the objects step backs up exactly the dump's objects. */
  documents: BackupDocument[];
}

/** The URL pg_dump and pg_restore use: a direct server address (PgBouncer breaks sessions). */
export function backupDatabaseUrl(config: Config): string {
  const url = config.BACKUP_DATABASE_URL ?? config.DATABASE_URL;
  if (url === undefined)
    throw new Error("BACKUP_DATABASE_URL or DATABASE_URL is required to back up PostgreSQL");
  return url;
}

async function serverVersion(db: Database): Promise<string> {
  const [row] = await db.query<{ v: string }>(sql`select version() as v`);
  return row?.v ?? "unknown";
}

/** The manifest entry of a verified database dump (one file; count = documents rows). */
function databaseManifest(
  engine: "pglite" | "postgres",
  file: Awaited<ReturnType<typeof describeFile>>,
  counts: Record<string, number>,
  started: number,
  details: Record<string, number>,
): BackupComponentManifest {
  return {
    files: [file],
    size: file.size,
    count: counts.documents ?? 0,
    verified: true,
    verified_at: new Date().toISOString(),
    engine,
    duration_ms: Date.now() - started,
    details,
  };
}

/**
 * PGlite: its own tarball of the data directory, taken from the live instance after a checkpoint
 * (the tarball is crash-consistent either way; the checkpoint only shortens recovery on load).
 * The counts, the document list and the tarball come from inside one transaction: PGlite runs
 * no other caller's statement until it ends (the dump itself waits only for the statement in
 * progress), so query events flushed meanwhile are neither counted nor in the tarball.
 */
async function backupPglite(db: Database, dir: string): Promise<DatabaseBackup> {
  const dump = db.dumpDataDir?.bind(db);
  if (dump === undefined) throw new Error("this database cannot dump its data directory");
  const started = Date.now();
  await db.query(sql`checkpoint`);
  const { documents, counts, tarball } = await db.transaction(async (tx) => ({
    documents: await listBackupDocuments(tx),
    counts: await countRows(tx),
    tarball: await dump(),
  }));
  await writeFile(join(dir, pgliteDumpFile), tarball, { flag: "wx", mode: privateFileMode });
  const file = await describeFile(dir, pgliteDumpFile);
  return {
    // A gzip'd tar that PGlite wrote and we re-hashed; restore loads it into a scratch directory first.
    manifest: databaseManifest("pglite", file, counts, started, counts),
    toolVersions: { database: await serverVersion(db) },
    documents,
  };
}

/**
 * PostgreSQL: pg_dump in custom format from an exported snapshot, held by a repeatable-read
 * transaction on a direct connection, so the row counts and the document list recorded here are
 * exactly the dump's, however busy the server is.
 */
async function backupPostgres(config: Config, dir: string): Promise<DatabaseBackup> {
  const started = Date.now();
  const url = backupDatabaseUrl(config);
  const direct = createPostgresDatabase(postgresOptionsFrom(config, { url, poolMax: 1, pgbouncer: false }));
  const path = join(dir, postgresDumpFile);
  try {
    const { counts, documents, holding } = await direct.transaction(async (tx) => {
      await tx.query(sql`set transaction isolation level repeatable read`);
      // The transaction sits idle while pg_dump works; the server's idle timeout must not end it.
      await tx.query(sql`set local idle_in_transaction_session_timeout = 0`);
      const [snapshot] = await tx.query<{ id: string }>(sql`select pg_export_snapshot() as id`);
      if (snapshot === undefined) throw new Error("pg_export_snapshot returned nothing");
      const counts = await countRows(tx);
      const documents = await listBackupDocuments(tx);
      const holding = await tablesHoldingRows(tx, Object.keys(counts));
      await pgDump(url, path, snapshot.id);
      return { counts, documents, holding };
    });
    const toc = await pgRestoreList(path);
    // The table of contents must hold the data of the tables we count (of every partition of a
    // partitioned one); a dump of the wrong database would not.
    const missing = holding.filter((t) => !new RegExp(`TABLE DATA public ${t}( |$)`, "m").test(toc));
    if (missing.length > 0)
      throw new Error(`pg_restore --list: no data for ${missing.join(", ")} in the dump`);
    const file = await describeFile(dir, postgresDumpFile);
    return {
      manifest: databaseManifest("postgres", file, counts, started, {
        ...counts,
        toc_entries: toc.split("\n").filter((l) => l !== "" && !l.startsWith(";")).length,
      }),
      toolVersions: {
        database: await serverVersion(direct),
        pg_dump: await toolVersion("pg_dump"),
        pg_restore: await toolVersion("pg_restore"),
      },
      documents,
    };
  } finally {
    await direct.close();
  }
}

export function backupDatabase(config: Config, db: Database, dir: string): Promise<DatabaseBackup> {
  return db.kind === "pglite" ? backupPglite(db, dir) : backupPostgres(config, dir);
}

/** For the emptiness check before a restore: any collection or document means "not empty". */
export async function databaseHasData(db: Database): Promise<boolean> {
  const counts = await countRows(db);
  return (counts.collections ?? 0) > 0 || (counts.documents ?? 0) > 0;
}
