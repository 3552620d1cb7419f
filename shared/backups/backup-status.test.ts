import { describe, expect, it } from "vitest";
import { backupStatus } from "./backup-status.js";
import type { BackupManifest } from "./manifest.js";

const now = new Date("2026-01-10T12:00:00Z");
const manifest = (id: string, finished: string, verified = true): BackupManifest => ({
  id,
  started_at: finished,
  finished_at: finished,
  components: {
    database: { files: [], size: 100, count: 1, verified },
    objects: { files: [], size: 1000, count: 10, verified },
  },
});

describe("backupStatus", () => {
  it("reports never for every component without backups", () => {
    expect(backupStatus([], 25, now).map((s) => s.status)).toEqual(["never", "never", "never"]);
  });

  it("picks the newest verified backup and ages it", () => {
    const s = backupStatus(
      [manifest("old", "2026-01-08T12:00:00Z"), manifest("new", "2026-01-10T06:00:00Z")],
      25,
      now,
    );
    const db = s.find((x) => x.component === "database");
    expect(db).toMatchObject({
      status: "healthy",
      latest_backup_id: "new",
      age_hours: 6,
      count: 2,
      total_size_bytes: 200,
    });
    expect(s.find((x) => x.component === "vectors")?.status).toBe("never");
  });

  it("is stale past the threshold, and ignores unverified backups", () => {
    const s = backupStatus(
      [manifest("old", "2026-01-08T12:00:00Z"), manifest("bad", "2026-01-10T11:00:00Z", false)],
      25,
      now,
    );
    expect(s.find((x) => x.component === "database")).toMatchObject({
      status: "stale",
      latest_backup_id: "old",
      age_hours: 48,
    });
  });
});
