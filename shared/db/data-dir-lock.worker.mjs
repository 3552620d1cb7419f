/*
 * Holds the data directory's lock (proper-lockfile: an atomic mkdir whose mtime is refreshed) on
 * a thread of its own, so the refresh never waits for the main thread: PGlite runs each query
 * synchronously there, and a query or migration that held it past the stale threshold would
 * otherwise let a second process take the lock from a live holder. Plain JavaScript, because
 * worker threads on Node 20 cannot load TypeScript through tsx.
 *
 * workerData:   { lockPath, staleMs, updateMs }
 * Messages out: { type: "locked" } | { type: "held" } | { type: "failed", message } once;
 *               { type: "compromised", message } if the lock is lost while held;
 *               { type: "released" } after a "release" message in.
 */
import { parentPort, workerData } from "node:worker_threads";
import lockfile from "proper-lockfile";

const port = parentPort;
const { lockPath, staleMs, updateMs } = workerData;

try {
  // The lock directory is named outright; `file` only keys proper-lockfile's bookkeeping.
  const release = await lockfile.lock(lockPath, {
    lockfilePath: lockPath,
    realpath: false,
    stale: staleMs,
    update: updateMs,
    retries: 0,
    onCompromised: (error) => port.postMessage({ type: "compromised", message: error.message }),
  });
  port.on("message", async (message) => {
    if (message !== "release") return;
    // A compromised lock is released already (ERELEASED): nothing of ours is left to remove.
    await release().catch(() => {});
    port.postMessage({ type: "released" });
    port.close();
  });
  port.postMessage({ type: "locked" });
} catch (error) {
  if (error?.code === "ELOCKED") port.postMessage({ type: "held" });
  else port.postMessage({ type: "failed", message: error instanceof Error ? error.message : String(error) });
  port.close();
}
