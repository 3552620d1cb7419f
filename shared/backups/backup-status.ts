import { type BackupComponent, type BackupManifest, backupComponents, type DrillRecord } from "./manifest.js";

export interface ComponentStatus {
  component: BackupComponent;
  status: "healthy" | "stale" | "never";
  latest_backup_id: string | null;
  latest_at: string | null;
  age_hours: number | null;
  /** Verified backups that contain this component. */
  count: number;
  latest_size_bytes: number | null;
  total_size_bytes: number;
  last_verified: boolean | null;
}

/**
 * Per component: the newest verified backup decides. Unverified backups are counted as
 * nothing: a backup nobody checked is not one to rely on.
 */
export function backupStatus(
  manifests: readonly BackupManifest[],
  staleHours: number,
  now: Date,
): ComponentStatus[] {
  return backupComponents.map((component) => {
    const withComponent = manifests
      .flatMap((m) => {
        const c = m.components[component];
        return c?.verified ? [{ manifest: m, c }] : [];
      })
      .sort((a, b) => Date.parse(b.manifest.finished_at) - Date.parse(a.manifest.finished_at));
    const latest = withComponent[0];
    if (latest === undefined) {
      return {
        component,
        status: "never",
        latest_backup_id: null,
        latest_at: null,
        age_hours: null,
        count: 0,
        latest_size_bytes: null,
        total_size_bytes: 0,
        last_verified: null,
      };
    }
    const ageHours = (now.getTime() - Date.parse(latest.manifest.finished_at)) / 3_600_000;
    return {
      component,
      status: ageHours <= staleHours ? "healthy" : "stale",
      latest_backup_id: latest.manifest.id,
      latest_at: latest.manifest.finished_at,
      age_hours: Math.round(ageHours * 100) / 100,
      count: withComponent.length,
      latest_size_bytes: latest.c.size,
      total_size_bytes: withComponent.reduce((s, w) => s + w.c.size, 0),
      last_verified: latest.c.verified,
    };
  });
}

export type { DrillRecord };
