import { randomBytes } from "node:crypto";
import { readFile, rename, rm, stat } from "node:fs/promises";
import { join } from "node:path";
import type { Config } from "../config.js";
import { lockDataDir } from "../db/data-dir-lock.js";
import type { Database } from "../db/database.js";
import { createPgliteDatabase } from "../db/pglite-database.js";
import type { Deps } from "../deps/deps.js";
import { ensurePrivateDir } from "../storage/private-files.js";
import { backupRoot } from "./backup-dir.js";
import { acquireBackupLock } from "./backup-lock.js";
import { backupDatabaseUrl, databaseHasData, pgliteDumpFile, postgresDumpFile } from "./database-backup.js";
import type { BackupComponent, BackupManifest } from "./manifest.js";
import { objectStoreHasData, restoreObjects } from "./objects-backup.js";
import { pgRestore } from "./pg-tools.js";
import { countRows, rowCountCheck, rowCountProblems } from "./row-counts.js";
import { readVectorsHeader, restoreVectors, vectorStoreHasData } from "./vectors-backup.js";
import { type VerifiedBackup, verifyBackup } from "./verify-backup.js";

export interface RestoreOptions {
  components: readonly BackupComponent[];
  /** Overwrite stores that already hold data. */
  force: boolean;
  /** The backup root (default BACKUP_DIR, else DATA_DIR/backups). */
  sourceDir?: string;
}

export interface RestoreReport {
  backupId: string;
  components: Partial<Record<BackupComponent, { count: number; duration_ms: number }>>;
  /** Where the replaced embedded database was moved (restore --force over a non-empty one). */
  replacedDatabaseDir?: string;
}

/** Refused before anything changed: a store is not empty and --force was not given. */
export class RestoreRefusedError extends Error {
  constructor(readonly stores: BackupComponent[]) {
    super(`not empty: ${stores.join(", ")}; restore refuses to overwrite without --force`);
    this.name = "RestoreRefusedError";
  }
}

async function vectorCollections(root: string, manifest: BackupManifest) {
  const files = manifest.components.vectors?.files ?? [];
  return Promise.all(
    files.map(async (f) => {
      const { collection } = await readVectorsHeader(join(root, manifest.id, f.path));
      return { id: collection.id, dimension: collection.embedding_dimension };
    }),
  );
}

/** Which of the target stores already hold data. */
async function nonEmptyStores(
  deps: Deps,
  root: string,
  manifest: BackupManifest,
  components: readonly BackupComponent[],
): Promise<BackupComponent[]> {
  const busy: BackupComponent[] = [];
  if (components.includes("database") && (await databaseHasData(deps.db))) busy.push("database");
  if (components.includes("objects") && (await objectStoreHasData(deps.objects))) busy.push("objects");
  // pgvector's table is part of the database: restoring the database replaces it anyway.
  const vectorsInDatabase = deps.vectors.kind === "pgvector" && components.includes("database");
  if (
    components.includes("vectors") &&
    !vectorsInDatabase &&
    (await vectorStoreHasData(deps.vectors, await vectorCollections(root, manifest)))
  ) {
    busy.push("vectors");
  }
  return busy;
}

/** Row counts after a restore must be those recorded at backup time (nothing else writes). */
async function checkRowCounts(db: Database, manifest: BackupManifest): Promise<void> {
  const wrong = rowCountProblems(manifest.components.database?.details ?? {}, await countRows(db));
  if (wrong.length > 0) throw new Error(`database restore did not verify:\n  ${wrong.join("\n  ")}`);
}

async function restoreStores(
  deps: Deps,
  root: string,
  verified: VerifiedBackup,
  components: readonly BackupComponent[],
): Promise<RestoreReport["components"]> {
  const { manifest } = verified;
  const dir = join(root, manifest.id);
  const report: RestoreReport["components"] = {};
  if (components.includes("database")) {
    const started = Date.now();
    // Counted inside the restore's transaction: once it commits, the running functions write
    // (query events, feedback), and a count taken then could differ from a perfect restore.
    await pgRestore(
      backupDatabaseUrl(deps.config),
      join(dir, postgresDumpFile),
      rowCountCheck(manifest.components.database?.details ?? {}),
    );
    report.database = { count: manifest.components.database?.count ?? 0, duration_ms: Date.now() - started };
  }
  if (components.includes("objects")) {
    const started = Date.now();
    const { count } = await restoreObjects(deps.objects, root, verified.objects);
    report.objects = { count, duration_ms: Date.now() - started };
  }
  if (components.includes("vectors")) {
    const started = Date.now();
    const { count } = await restoreVectors(deps.vectors, dir, manifest.components.vectors?.files ?? []);
    report.vectors = { count, duration_ms: Date.now() - started };
  }
  return report;
}

/**
 * Restores a backup into the stores `deps` point at: checks every file of the backup first and
 * the stores' emptiness next, so a damaged backup or a refused overwrite changes nothing; then
 * database (pg_restore in one transaction), objects, vectors, each verified afterwards.
 * The embedded database (PGlite) cannot be replaced under a live process: see restoreEmbedded.
 */
export async function runRestore(
  deps: Deps,
  backupId: string,
  options: RestoreOptions,
): Promise<RestoreReport> {
  if (options.components.includes("database") && deps.db.kind === "pglite") {
    throw new Error(
      "the embedded database is restored with Docstack stopped: use restoreEmbedded (npm run restore)",
    );
  }
  const root = options.sourceDir ?? backupRoot(deps.config);
  const release = await acquireBackupLock(root);
  try {
    const verified = await verifyBackup(root, backupId, options.components);
    const busy = await nonEmptyStores(deps, root, verified.manifest, options.components);
    if (busy.length > 0 && !options.force) throw new RestoreRefusedError(busy);
    return { backupId, components: await restoreStores(deps, root, verified, options.components) };
  } finally {
    await release();
  }
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

/**
 * The embedded default (DB_DRIVER=pglite), with Docstack stopped (PGlite is single-process: a
 * running server would keep writing to the directory being replaced; its lock on DATA_DIR makes
 * this refuse with DataDirBusyError). Opens the current stores to check they are empty, loads
 * the PGlite tarball into a scratch directory and checks its row counts, then swaps it in for
 * DATA_DIR/pg (a replaced non-empty database is kept beside it), reopens, and restores objects
 * and vectors.
 */
export async function restoreEmbedded(
  config: Config,
  backupId: string,
  options: RestoreOptions,
  open: (config: Config) => Promise<Deps>,
): Promise<RestoreReport> {
  if (config.DB_DRIVER !== "pglite")
    throw new Error("restoreEmbedded is for DB_DRIVER=pglite; use runRestore");
  // Held from the emptiness check to the reopened database, so no other process opens the
  // directory between the swap's steps (the opens below share it).
  await ensurePrivateDir(config.DATA_DIR);
  const dataDirLock = await lockDataDir(config.DATA_DIR);
  try {
    return await restoreEmbeddedLocked(config, backupId, options, open);
  } finally {
    await dataDirLock.release();
  }
}

async function restoreEmbeddedLocked(
  config: Config,
  backupId: string,
  options: RestoreOptions,
  open: (config: Config) => Promise<Deps>,
): Promise<RestoreReport> {
  const root = options.sourceDir ?? backupRoot(config);
  const release = await acquireBackupLock(root);
  try {
    const verified = await verifyBackup(root, backupId, options.components);
    const { manifest } = verified;
    let hadData = false;
    const before = await open(config);
    try {
      const busy = await nonEmptyStores(before, root, manifest, options.components);
      if (busy.length > 0 && !options.force) throw new RestoreRefusedError(busy);
      hadData = busy.includes("database");
    } finally {
      await before.close();
    }

    const report: RestoreReport = { backupId, components: {} };
    if (options.components.includes("database")) {
      const started = Date.now();
      const pgDir = join(config.DATA_DIR, "pg");
      const scratch = `${pgDir}.restoring-${randomBytes(4).toString("hex")}`;
      try {
        const tarball = await readFile(join(root, manifest.id, pgliteDumpFile));
        const loaded = await createPgliteDatabase(scratch, new Blob([tarball]));
        try {
          await checkRowCounts(loaded, manifest);
        } finally {
          await loaded.close();
        }
      } catch (error) {
        await rm(scratch, { recursive: true, force: true });
        throw error;
      }
      if (await exists(pgDir)) {
        if (hadData) {
          report.replacedDatabaseDir = `${pgDir}.before-restore-${Date.now()}`;
          await rename(pgDir, report.replacedDatabaseDir);
        } else {
          await rm(pgDir, { recursive: true, force: true });
        }
      }
      await rename(scratch, pgDir);
      report.components.database = {
        count: manifest.components.database?.count ?? 0,
        duration_ms: Date.now() - started,
      };
    }

    const rest = options.components.filter((c) => c !== "database");
    const after = await open(config);
    try {
      Object.assign(report.components, await restoreStores(after, root, verified, rest));
      if (options.components.includes("database")) await checkRowCounts(after.db, manifest);
    } finally {
      await after.close();
    }
    return report;
  } finally {
    await release();
  }
}
