import { randomBytes } from "node:crypto";
import { join } from "node:path";
import type { Config } from "../config.js";

/** Where backups go and where backup-status reads them. */
export function backupRoot(config: Config): string {
  return config.BACKUP_DIR ?? join(config.DATA_DIR, "backups");
}

/**
 * Content-addressed copies of objects, shared by every backup under the root: an object already
 * backed up is not copied again (incremental), and retention removes blobs no backup references.
 */
export function blobPath(root: string, sha256: string): string {
  return join(root, "blobs", sha256.slice(0, 2), sha256);
}

/** Sortable by time, unique enough for concurrent hosts: 20260110T120000Z-1a2b3c. */
export function newBackupId(now: Date): string {
  const stamp = now
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d+Z$/, "Z");
  return `${stamp}-${randomBytes(3).toString("hex")}`;
}

const idPattern = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

/** Backup ids come from the command line; refuse anything that could name another path. */
export function assertBackupId(id: string): void {
  if (!idPattern.test(id)) throw new Error(`not a backup id: ${JSON.stringify(id)}`);
}
