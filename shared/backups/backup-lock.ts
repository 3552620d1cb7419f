import { mkdir, open, readFile, rm, stat, utimes } from "node:fs/promises";
import { hostname } from "node:os";
import { join } from "node:path";
import { processAlive } from "../os/process-alive.js";
import { privateDirMode, privateFileMode } from "../storage/private-files.js";

/** Another backup or restore holds the root's lock. */
export class BackupBusyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "BackupBusyError";
  }
}

/** The holder touches the lock this often; a lock untouched for `staleAfterMs` is abandoned. */
const heartbeatMs = 15_000;
const staleAfterMs = 90_000;

/**
 * Whether a lock left behind can be taken over. Its holder may be in another container sharing
 * the volume (where its pid means nothing here) or a restarted one (where pid 1 is alive again),
 * so the heartbeat decides: untouched for `staleAfterMs`, it is abandoned. A holder on this host
 * whose process is gone is abandoned at once.
 */
async function abandoned(path: string): Promise<{ yes: boolean; holder: string }> {
  const text = await readFile(path, "utf8").catch(() => "");
  const [pidText, host] = text.split(" ");
  const pid = Number.parseInt(pidText ?? "", 10);
  const age = await stat(path).then(
    (s) => Date.now() - s.mtimeMs,
    () => Number.POSITIVE_INFINITY,
  );
  const holder = `pid ${pidText || "?"} on ${host || "?"}`;
  if (age > staleAfterMs) return { yes: true, holder };
  if (host === hostname() && Number.isInteger(pid) && pid > 0 && !processAlive(pid))
    return { yes: true, holder };
  return { yes: false, holder };
}

/**
 * One backup or restore at a time per backup root: retention deletes blobs that a concurrent
 * backup might be about to reference. The lock names its holder (pid and host) and is touched
 * every 15 s while held; a lock whose holder died (killed, out of memory, container stopped) is
 * taken over after 90 s at most.
 */
export async function acquireBackupLock(root: string): Promise<() => Promise<void>> {
  await mkdir(root, { recursive: true, mode: privateDirMode });
  const path = join(root, ".lock");
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await open(path, "wx", privateFileMode);
      await handle.writeFile(`${process.pid} ${hostname()}`);
      await handle.close();
      const heartbeat = setInterval(() => {
        const now = new Date();
        utimes(path, now, now).catch(() => {});
      }, heartbeatMs);
      heartbeat.unref();
      return async () => {
        clearInterval(heartbeat);
        await rm(path, { force: true });
      };
    } catch (error) {
      if ((error as { code?: string }).code !== "EEXIST") throw error;
      const { yes, holder } = await abandoned(path);
      if (!yes) throw new BackupBusyError(`another backup or restore (${holder}) holds ${path}`);
      await rm(path, { force: true });
    }
  }
  throw new Error(`could not take ${path}`);
}
