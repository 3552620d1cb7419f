import { readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import { assertBackupId } from "./backup-dir.js";
import { sha256File } from "./backup-files.js";
import { type BackupComponent, type BackupManifest, manifestSchema } from "./manifest.js";
import { type ObjectEntry, readObjectsIndex, verifyBlobs } from "./objects-backup.js";

export class BackupVerificationError extends Error {
  constructor(
    readonly backupId: string,
    readonly problems: string[],
  ) {
    super(`backup ${backupId} failed verification:\n  ${problems.slice(0, 20).join("\n  ")}`);
    this.name = "BackupVerificationError";
  }
}

/** A complete backup's manifest; a directory without one is an interrupted backup. */
export async function loadManifest(root: string, backupId: string): Promise<BackupManifest> {
  assertBackupId(backupId);
  let text: string;
  try {
    text = await readFile(join(root, backupId, "manifest.json"), "utf8");
  } catch {
    throw new Error(
      `backup ${backupId}: no manifest in ${join(root, backupId)} (unknown or incomplete backup)`,
    );
  }
  return manifestSchema.parse(JSON.parse(text));
}

export interface VerifiedBackup {
  manifest: BackupManifest;
  /** The objects index, read once here and reused by the restore. */
  objects: ObjectEntry[];
}

/**
 * Re-hashes every file the manifest lists for these components, and every object blob the
 * objects index names. Throws with the full list of problems; returns only when all is intact.
 */
export async function verifyBackup(
  root: string,
  backupId: string,
  components: readonly BackupComponent[],
): Promise<VerifiedBackup> {
  const manifest = await loadManifest(root, backupId);
  const dir = join(root, backupId);
  const problems: string[] = [];
  let objects: ObjectEntry[] = [];
  for (const component of components) {
    const c = manifest.components[component];
    if (c === undefined) {
      problems.push(`${component}: not in this backup`);
      continue;
    }
    if (!c.verified) problems.push(`${component}: was not verified when backed up`);
    for (const f of c.files) {
      const path = join(dir, f.path);
      try {
        const { size } = await stat(path);
        if (size !== f.size) problems.push(`${f.path}: ${size} bytes, the manifest says ${f.size}`);
        else if ((await sha256File(path)) !== f.sha256)
          problems.push(`${f.path}: sha256 does not match the manifest`);
      } catch {
        problems.push(`${f.path}: missing`);
      }
    }
    if (component === "objects" && problems.length === 0) {
      objects = await readObjectsIndex(dir);
      if (objects.length !== c.count)
        problems.push(`objects: index lists ${objects.length}, manifest ${c.count}`);
      problems.push(...(await verifyBlobs(root, objects)));
    }
  }
  if (problems.length > 0) throw new BackupVerificationError(backupId, problems);
  return { manifest, objects };
}
