import { mkdir, open, readFile, rm } from "node:fs/promises";
import { join } from "node:path";

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as { code?: string }).code === "EPERM";
  }
}

/** Another backup or restore holds the root's lock. */
export class BackupBusyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "BackupBusyError";
  }
}

/**
 * One backup or restore at a time per backup root: retention deletes blobs that a concurrent
 * backup might be about to reference. A lock left by a dead process is taken over.
 */
export async function acquireBackupLock(root: string): Promise<() => Promise<void>> {
  await mkdir(root, { recursive: true });
  const path = join(root, ".lock");
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await open(path, "wx");
      await handle.writeFile(String(process.pid));
      await handle.close();
      return () => rm(path, { force: true });
    } catch (error) {
      if ((error as { code?: string }).code !== "EEXIST") throw error;
      const holder = Number.parseInt(await readFile(path, "utf8").catch(() => ""), 10);
      if (Number.isInteger(holder) && holder > 0 && alive(holder)) {
        throw new BackupBusyError(`another backup or restore (pid ${holder}) holds ${path}`);
      }
      await rm(path, { force: true });
    }
  }
  throw new Error(`could not take ${path}`);
}
