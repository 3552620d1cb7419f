import { describe, expect, it } from "vitest";
import type { BackupManifest } from "./manifest.js";
import { expiredBackups } from "./retention.js";

const now = new Date("2026-03-01T00:00:00Z");
const daysAgo = (id: string, days: number, verified = true): BackupManifest => {
  const at = new Date(now.getTime() - days * 86_400_000).toISOString();
  return {
    id,
    started_at: at,
    finished_at: at,
    components: { database: { files: [], size: 1, count: 1, verified } },
  };
};

describe("expiredBackups", () => {
  it("deletes backups older than the window", () => {
    const m = [daysAgo("a", 1), daysAgo("b", 10), daysAgo("c", 40), daysAgo("d", 50)];
    expect(expiredBackups(m, { days: 30, keepMin: 2 }, now).sort()).toEqual(["c", "d"]);
  });

  it("always keeps the newest K good backups, however old", () => {
    const m = [daysAgo("a", 100), daysAgo("b", 200), daysAgo("c", 300)];
    expect(expiredBackups(m, { days: 30, keepMin: 2 }, now)).toEqual(["c"]);
  });

  it("does not count unverified backups towards K", () => {
    const m = [daysAgo("bad", 90, false), daysAgo("old", 100)];
    expect(expiredBackups(m, { days: 30, keepMin: 1 }, now)).toEqual(["bad"]);
  });
});
