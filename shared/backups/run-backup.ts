import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import type { Deps } from "../deps/deps.js";
import { privateDirMode } from "../storage/private-files.js";
import { backupRoot, newBackupId } from "./backup-dir.js";
import { type BackupDocument, listBackupDocuments } from "./backup-documents.js";
import { writeFileAtomic } from "./backup-files.js";
import { acquireBackupLock } from "./backup-lock.js";
import { backupDatabase } from "./database-backup.js";
import type { BackupComponent, BackupComponentManifest, BackupManifest } from "./manifest.js";
import { backupObjects } from "./objects-backup.js";
import { applyRetention, type RetentionResult } from "./retention.js";
import { backupVectors } from "./vectors-backup.js";

export interface BackupOptions {
  components: readonly BackupComponent[];
  /** The backup root (default BACKUP_DIR, else DATA_DIR/backups). */
  targetDir?: string;
  /** Injected clock (tests of retention). */
  now?: () => Date;
  /** Runs once the lock is held and the id chosen, before anything is written; if it throws, nothing starts. */
  beforeStart?: (id: string) => Promise<void>;
}

export interface BackupResult {
  manifest: BackupManifest;
  dir: string;
  retention: RetentionResult;
}

export interface StartedBackup {
  id: string;
  /** Settles when the backup is complete (manifest written) or has failed (no manifest). */
  done: Promise<BackupResult>;
}

/**
 * Starts one backup: takes the root's lock (a BackupBusyError at once if another backup or
 * restore holds it) and names the backup, then runs it; `done` settles with the result.
 */
export async function startBackup(deps: Deps, options: BackupOptions): Promise<StartedBackup> {
  const now = options.now ?? (() => new Date());
  const root = options.targetDir ?? backupRoot(deps.config);
  const release = await acquireBackupLock(root);
  const started = now();
  const id = newBackupId(started);
  try {
    await options.beforeStart?.(id);
  } catch (error) {
    await release();
    throw error;
  }
  const done = writeBackup(deps, options.components, root, id, started, now).finally(release);
  return { id, done };
}

/** One backup, start to finish (the CLI, the scheduler, the drill). */
export async function runBackup(deps: Deps, options: BackupOptions): Promise<BackupResult> {
  return (await startBackup(deps, options)).done;
}

/**
 * One backup: each requested component into `<root>/<id>/`, each verified as it is written, then
 * the manifest, last and atomically. Anything that throws leaves the directory without a
 * manifest, which every reader treats as an unfinished backup; retention removes it a day later.
 * Components run database first, so the objects backed up are those of the dumped rows.
 */
async function writeBackup(
  deps: Deps,
  requested: readonly BackupComponent[],
  root: string,
  id: string,
  started: Date,
  now: () => Date,
): Promise<BackupResult> {
  const dir = join(root, id);
  await mkdir(dir, { recursive: false, mode: privateDirMode });
  const components: Partial<Record<BackupComponent, BackupComponentManifest>> = {};
  const toolVersions: Record<string, string> = { node: process.version, docstack_backup_format: "1" };
  let documents: BackupDocument[] | undefined;

  if (requested.includes("database")) {
    const db = await backupDatabase(deps.config, deps.db, dir);
    components.database = db.manifest;
    Object.assign(toolVersions, db.toolVersions);
    documents = db.documents;
  }
  if (requested.includes("objects")) {
    components.objects = await backupObjects(
      deps.objects,
      documents ?? (await listBackupDocuments(deps.db)),
      root,
      dir,
    );
  }
  if (requested.includes("vectors")) {
    components.vectors = await backupVectors(deps.db, deps.vectors, dir);
  }

  const manifest: BackupManifest = {
    id,
    started_at: started.toISOString(),
    finished_at: now().toISOString(),
    components,
    tool_versions: toolVersions,
  };
  await writeFileAtomic(join(dir, "manifest.json"), `${JSON.stringify(manifest, null, 2)}\n`);
  const retention = await applyRetention(
    root,
    { days: deps.config.BACKUP_RETENTION_DAYS, keepMin: deps.config.BACKUP_KEEP_MIN },
    now(),
  );
  return { manifest, dir, retention };
}
