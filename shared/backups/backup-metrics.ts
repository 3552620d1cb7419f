import { gaugeText } from "../metrics/registry.js";
import type { BackupReport } from "./backup-report.js";

/** [labels, value]: the backup families are short lists, written inline below. */
type Sample = [labels: Record<string, string>, value: number];

function family(name: string, help: string, samples: Sample[]): string {
  return gaugeText(
    name,
    help,
    samples.map(([labels, value]) => ({ labels, value })),
  );
}

/**
 * The backup report in Prometheus' text format (0.0.4). A component never backed up has an age
 * of +Inf, so an alert on age fires for it as for a stale one.
 */
export function backupMetrics(report: BackupReport): string {
  const byComponent = (f: (c: BackupReport["components"][number]) => number): Sample[] =>
    report.components.map((c) => [{ component: c.component }, f(c)]);
  const drill = report.last_drill;
  const families = [
    family(
      "docstack_backup_age_seconds",
      "Age of the newest verified backup of each component.",
      byComponent((c) => (c.age_hours === null ? Number.POSITIVE_INFINITY : Math.round(c.age_hours * 3600))),
    ),
    family(
      "docstack_backup_stale",
      "1 when the component's newest backup is older than BACKUP_STALE_HOURS or missing.",
      byComponent((c) => (c.status === "healthy" ? 0 : 1)),
    ),
    family(
      "docstack_backup_size_bytes",
      "Size of the newest verified backup of each component.",
      byComponent((c) => c.latest_size_bytes ?? 0),
    ),
    family(
      "docstack_backup_count",
      "Verified backups held, per component.",
      byComponent((c) => c.count),
    ),
    family("docstack_backup_rpo_seconds", "The recovery point objective.", [
      [{}, report.objectives.rpo_hours * 3600],
    ]),
    family("docstack_backup_rto_target_seconds", "The recovery time objective.", [
      [{}, report.objectives.rto_minutes * 60],
    ]),
  ];
  if (report.target) {
    families.push(
      family("docstack_backup_target_free_bytes", "Free space where backups are written.", [
        [{}, report.target.free_bytes],
      ]),
      family("docstack_backup_target_size_bytes", "Size of the file system backups are written to.", [
        [{}, report.target.total_bytes],
      ]),
    );
  }
  if (drill) {
    families.push(
      family(
        "docstack_backup_drill_rto_seconds",
        "Restore time measured by the last disaster-recovery drill.",
        [[{}, drill.rto_seconds]],
      ),
      family("docstack_backup_drill_passed", "1 when the last disaster-recovery drill passed.", [
        [{}, drill.outcome === "passed" ? 1 : 0],
      ]),
      family("docstack_backup_drill_timestamp_seconds", "When the last drill ran (Unix time).", [
        [{}, Math.round(Date.parse(drill.at) / 1000)],
      ]),
    );
  }
  return `${families.join("\n")}\n`;
}
