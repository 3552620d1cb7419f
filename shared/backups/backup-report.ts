import { statfs } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import type { Config } from "../config.js";
import { backupRoot } from "./backup-dir.js";
import { backupStatus, type ComponentStatus } from "./backup-status.js";
import type { DrillRecord } from "./manifest.js";
import { readLastDrill, readManifests } from "./read-manifests.js";

export type Freshness = "healthy" | "stale" | "never";

/** What GET /backups/status answers and /metrics exports. */
export interface BackupReport {
  status: Freshness;
  stale_after_hours: number;
  components: ComponentStatus[];
  last_drill: DrillRecord | null;
  /** The file system backups are written to; null when it cannot be read. */
  target: { free_bytes: number; total_bytes: number } | null;
  objectives: {
    rpo_hours: number;
    rto_minutes: number;
    /** The oldest component's latest backup is within the RPO; null before the first backup. */
    rpo_met: boolean | null;
    /** The last drill passed within the RTO; null before the first drill. */
    rto_met: boolean | null;
  };
}

/** statfs of the backup directory, or of its nearest existing parent before the first backup. */
async function diskOf(dir: string): Promise<BackupReport["target"]> {
  for (let path = resolve(dir); ; path = dirname(path)) {
    try {
      const s = await statfs(path);
      return { free_bytes: s.bavail * s.bsize, total_bytes: s.blocks * s.bsize };
    } catch (error) {
      if ((error as { code?: string }).code !== "ENOENT" || dirname(path) === path) return null;
    }
  }
}

export async function backupReport(config: Config, now = new Date()): Promise<BackupReport> {
  const dir = backupRoot(config);
  const components = backupStatus(await readManifests(dir), config.BACKUP_STALE_HOURS, now);
  const lastDrill = (await readLastDrill(dir)) ?? null;
  // The whole is as good as its worst part.
  const status: Freshness = components.some((s) => s.status === "never")
    ? "never"
    : components.some((s) => s.status === "stale")
      ? "stale"
      : "healthy";
  const oldest = Math.max(...components.map((c) => c.age_hours ?? Number.POSITIVE_INFINITY));
  return {
    status,
    stale_after_hours: config.BACKUP_STALE_HOURS,
    components,
    last_drill: lastDrill,
    target: await diskOf(dir),
    objectives: {
      rpo_hours: config.BACKUP_RPO_HOURS,
      rto_minutes: config.BACKUP_RTO_MINUTES,
      rpo_met: status === "never" ? null : oldest <= config.BACKUP_RPO_HOURS,
      rto_met:
        lastDrill === null
          ? null
          : lastDrill.outcome === "passed" && lastDrill.rto_seconds <= config.BACKUP_RTO_MINUTES * 60,
    },
  };
}
