import { mkdtemp, utimes, writeFile } from "node:fs/promises";
import { hostname, tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { acquireBackupLock, BackupBusyError } from "./backup-lock.js";

describe("the backup lock", () => {
  it("lets one holder in at a time, and the next in after release", async () => {
    const root = await mkdtemp(join(tmpdir(), "docstack-lock-"));
    const release = await acquireBackupLock(root);
    await expect(acquireBackupLock(root)).rejects.toBeInstanceOf(BackupBusyError);
    await release();
    await (await acquireBackupLock(root))();
  });

  it("takes over a lock whose holder on this host is gone", async () => {
    const root = await mkdtemp(join(tmpdir(), "docstack-lock-"));
    // Far above any pid this machine hands out.
    await writeFile(join(root, ".lock"), `999999999 ${hostname()}`);
    await (await acquireBackupLock(root))();
  });

  it("respects a fresh lock of another host (another container), takes it over once stale", async () => {
    const root = await mkdtemp(join(tmpdir(), "docstack-lock-"));
    const lock = join(root, ".lock");
    await writeFile(lock, "1 some-other-container");
    await expect(acquireBackupLock(root)).rejects.toThrow(/pid 1 on some-other-container/);
    const old = new Date(Date.now() - 5 * 60_000);
    await utimes(lock, old, old);
    await (await acquireBackupLock(root))();
  });

  it("keeps a live pid 1 lock on this host only while its heartbeat is fresh (a restarted container)", async () => {
    const root = await mkdtemp(join(tmpdir(), "docstack-lock-"));
    const lock = join(root, ".lock");
    await writeFile(lock, `${process.pid} ${hostname()}`);
    await expect(acquireBackupLock(root)).rejects.toBeInstanceOf(BackupBusyError);
    const old = new Date(Date.now() - 5 * 60_000);
    await utimes(lock, old, old);
    await (await acquireBackupLock(root))();
  });
});
