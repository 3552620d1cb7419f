import { readdir, rm, stat } from "node:fs/promises";
import { join } from "node:path";
import { blobPath } from "./backup-dir.js";
import type { BackupManifest } from "./manifest.js";
import { readObjectsIndex } from "./objects-backup.js";
import { readManifests } from "./read-manifests.js";

export interface RetentionPolicy {
  days: number;
  keepMin: number;
}

/**
 * Which complete backups to delete: those older than `days`, except that the newest `keepMin`
 * good (fully verified) backups always stay (a long outage of the backup job must not leave nothing).
 */
export function expiredBackups(
  manifests: readonly BackupManifest[],
  policy: RetentionPolicy,
  now: Date,
): string[] {
  const newestFirst = [...manifests].sort((a, b) => Date.parse(b.finished_at) - Date.parse(a.finished_at));
  const good = newestFirst.filter((m) => Object.values(m.components).every((c) => c?.verified === true));
  const kept = new Set(good.slice(0, policy.keepMin).map((m) => m.id));
  const cutoff = now.getTime() - policy.days * 86_400_000;
  return newestFirst.filter((m) => !kept.has(m.id) && Date.parse(m.finished_at) < cutoff).map((m) => m.id);
}

/** Unfinished backup directories are kept this long, in case one is still being written. */
const unfinishedGraceMs = 24 * 3_600_000;

export interface RetentionResult {
  deleted: string[];
  unfinishedDeleted: string[];
  blobsDeleted: number;
}

/**
 * Applies the policy under `root` (call it holding the backup lock): deletes expired backups,
 * unfinished ones older than a day, then every blob no remaining backup references.
 */
export async function applyRetention(
  root: string,
  policy: RetentionPolicy,
  now: Date,
): Promise<RetentionResult> {
  const manifests = await readManifests(root);
  const deleted = expiredBackups(manifests, policy, now);
  for (const id of deleted) await rm(join(root, id), { recursive: true, force: true });

  const complete = new Set(manifests.map((m) => m.id));
  const unfinishedDeleted: string[] = [];
  for (const entry of await readdir(root, { withFileTypes: true })) {
    if (!entry.isDirectory() || entry.name === "blobs" || entry.name === "drills" || complete.has(entry.name))
      continue;
    const { mtimeMs } = await stat(join(root, entry.name));
    if (now.getTime() - mtimeMs > unfinishedGraceMs) {
      await rm(join(root, entry.name), { recursive: true, force: true });
      unfinishedDeleted.push(entry.name);
    }
  }

  const referenced = new Set<string>();
  for (const m of manifests) {
    if (deleted.includes(m.id) || m.components.objects === undefined) continue;
    for (const e of await readObjectsIndex(join(root, m.id))) referenced.add(blobPath(root, e.sha256));
  }
  let blobsDeleted = 0;
  const blobs = join(root, "blobs");
  for (const prefix of await readdir(blobs).catch(() => [] as string[])) {
    for (const name of await readdir(join(blobs, prefix))) {
      const path = join(blobs, prefix, name);
      if (!referenced.has(path)) {
        await rm(path, { force: true });
        blobsDeleted++;
      }
    }
  }
  return { deleted, unfinishedDeleted, blobsDeleted };
}
