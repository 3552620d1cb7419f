import { rmdirSync, rmSync } from "node:fs";
import { chmod, readFile, realpath, rm, rmdir, stat, writeFile } from "node:fs/promises";
import { hostname } from "node:os";
import { join, relative } from "node:path";
import { Worker } from "node:worker_threads";
import { StartupRefusedError } from "../errors/startup-refused.js";
import { processAlive } from "../os/process-alive.js";
import { privateDirMode, privateFileMode } from "../storage/private-files.js";

/**
 * The holder refreshes its lock this often; a lock untouched for `lockStaleMs` was left by a
 * process that is gone (killed, out of memory, a container stopped) and is taken over.
 */
export const lockRefreshMs = 5_000;
export const lockStaleMs = 15_000;

/** Inside DATA_DIR: the lock itself (a directory, created atomically) and who holds it. */
export const lockName = "docstack.lock";
export const holderName = "docstack.lock.json";

export interface LockHolder {
  pid: number;
  host: string;
  command: string;
  since: string;
}

/** Another process holds the data directory: the embedded database allows one at a time. */
export class DataDirBusyError extends StartupRefusedError {
  constructor(
    readonly dataDir: string,
    readonly holder: LockHolder | undefined,
    refreshedAgoMs: number | undefined,
  ) {
    const who = holder
      ? `pid ${holder.pid} on ${holder.host}: ${holder.command || "?"}, since ${holder.since}`
      : "it has not said which";
    const refreshed =
      refreshedAgoMs === undefined
        ? ""
        : `; this one was refreshed ${Math.round(refreshedAgoMs / 1000)} s ago`;
    super(
      `DATA_DIR ${dataDir} is in use by another Docstack process (${who}). ` +
        "The embedded database (PGlite) allows one process at a time: stop that process first " +
        "(for `npm run keys`, stop `npm start`, run the command, start it again), then run this again. " +
        `(A lock whose process died expires ${lockStaleMs / 1000} s after its last refresh${refreshed}.)`,
    );
    this.name = "DataDirBusyError";
  }
}

/** One process's hold on a data directory; release it once, when the database is closed. */
export interface DataDirLock {
  release(): Promise<void>;
}

interface Held {
  worker: Worker;
  lockPath: string;
  holderPath: string;
  /** Set when another process took the lock over: it is no longer ours to remove. */
  lost: boolean;
}

/** By real path: one lock per directory per process, shared by its nested users (a restore). */
const entries = new Map<string, { count: number; held: Promise<Held> }>();
/** Releases under way: the next lock of the same directory waits for its predecessor to be gone. */
const releasing = new Map<string, Promise<void>>();
const live = new Set<Held>();

// Any exit the process sees (a handled signal, an uncaught error, process.exit) frees the lock at
// once. A signal it does not handle (SIGKILL; Ctrl-C in a command without handlers) or a power
// cut leaves the lock to expire after lockStaleMs.
process.on("exit", () => {
  for (const held of live) {
    if (held.lost) continue;
    rmSync(held.holderPath, { force: true });
    try {
      rmdirSync(held.lockPath);
    } catch {
      // Already gone.
    }
  }
});

async function readHolder(path: string): Promise<LockHolder | undefined> {
  try {
    const value = JSON.parse(await readFile(path, "utf8")) as Partial<LockHolder>;
    if (typeof value.pid !== "number" || typeof value.host !== "string") return undefined;
    return {
      pid: value.pid,
      host: value.host,
      command: String(value.command ?? ""),
      since: String(value.since ?? "?"),
    };
  } catch {
    return undefined;
  }
}

async function mtimeOf(path: string): Promise<number | undefined> {
  return stat(path).then(
    (s) => s.mtimeMs,
    () => undefined,
  );
}

type Attempt = { type: "locked"; worker: Worker } | { type: "held" };

/** One try at the lock, on the thread that will keep it fresh. */
function tryLock(lockPath: string): Promise<Attempt> {
  const worker = new Worker(new URL("./data-dir-lock.worker.mjs", import.meta.url), {
    workerData: { lockPath, staleMs: lockStaleMs, updateMs: lockRefreshMs },
  });
  return new Promise((resolve, reject) => {
    const done = () => {
      worker.off("message", onMessage);
      worker.off("error", onError);
      worker.off("exit", onExit);
    };
    const onMessage = (message: { type: string; message?: string }) => {
      done();
      if (message.type === "locked") resolve({ type: "locked", worker });
      else if (message.type === "held") resolve({ type: "held" });
      else reject(new Error(`could not lock ${lockPath}: ${message.message}`));
    };
    const onError = (error: Error) => {
      done();
      reject(error);
    };
    const onExit = (code: number) => {
      done();
      reject(new Error(`the lock thread for ${lockPath} exited (code ${code})`));
    };
    worker.on("message", onMessage);
    worker.on("error", onError);
    worker.on("exit", onExit);
  });
}

function hold(worker: Worker, lockPath: string, holderPath: string, dataDir: string): Held {
  const held: Held = { worker, lockPath, holderPath, lost: false };
  const lose = (reason: string) => {
    held.lost = true;
    live.delete(held);
    // As proper-lockfile does by default: stop rather than let two processes write one database.
    throw new Error(
      `lost the lock on DATA_DIR ${dataDir} (${reason}): another process may have opened the ` +
        "database, so this one stops now",
    );
  };
  worker.on("message", (message: { type: string; message?: string }) => {
    if (message.type === "compromised") lose(message.message ?? "compromised");
  });
  worker.on("error", (error) => lose(`its refresh thread failed: ${error.message}`));
  // The lock must not keep a finished command alive; the exit handler frees it.
  worker.unref();
  live.add(held);
  return held;
}

/** Removes the holder record and the lock, and ends the thread that kept it fresh. */
async function letGo(held: Held): Promise<void> {
  // Referenced again, or a process with nothing else to do would end before the thread had
  // removed the lock.
  held.worker.ref();
  const exited = new Promise<void>((resolve) => held.worker.once("exit", () => resolve()));
  // The holder record goes first: once the lock is free, it may be a new holder's.
  if (!held.lost) await rm(held.holderPath, { force: true });
  held.worker.postMessage("release");
  await exited;
  live.delete(held);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function acquire(dataDir: string): Promise<Held> {
  const lockPath = join(dataDir, lockName);
  const holderPath = join(dataDir, holderName);
  const started = Date.now();
  let tookOverDead = false;
  for (;;) {
    const attempt = await tryLock(lockPath);
    if (attempt.type === "locked") {
      const held = hold(attempt.worker, lockPath, holderPath, dataDir);
      const holder: LockHolder = {
        pid: process.pid,
        host: hostname(),
        command: relative(process.cwd(), process.argv[1] ?? ""),
        since: new Date().toISOString(),
      };
      try {
        // proper-lockfile makes it with the default mode: empty, but nothing in DATA_DIR is for others.
        await chmod(lockPath, privateDirMode);
        await writeFile(holderPath, `${JSON.stringify(holder)}\n`, { mode: privateFileMode });
      } catch (error) {
        await letGo(held);
        throw error;
      }
      return held;
    }
    const holder = await readHolder(holderPath);
    const mtime = await mtimeOf(lockPath);
    if (mtime === undefined) continue; // released meanwhile
    const sameHost = holder !== undefined && holder.host === hostname();
    if (sameHost && holder.pid !== process.pid && !processAlive(holder.pid) && !tookOverDead) {
      // Its process is gone: free now, rather than in lockStaleMs. Only if the lock is still the
      // one that holder record belongs to (a newer holder would have refreshed it since).
      tookOverDead = true;
      if ((await mtimeOf(lockPath)) === mtime) {
        await rm(holderPath, { force: true });
        await rmdir(lockPath).catch(() => {});
      }
      continue;
    }
    if (sameHost && holder.pid === process.pid && Date.now() - started < lockStaleMs + lockRefreshMs) {
      // Our own pid, though this process holds nothing: a restarted container (pid 1 again) whose
      // previous run died holding it. Wait for it to expire; a live twin would keep it fresh.
      await sleep(1_000);
      continue;
    }
    throw new DataDirBusyError(dataDir, holder, Date.now() - mtime);
  }
}

/**
 * An exclusive lock on an embedded data directory, for as long as one process has its PGlite
 * database open. A second process is refused with DataDirBusyError (naming the holder), never let
 * in to write the same files. Nested calls in one process share the lock (a restore holds it
 * while it opens and closes the database).
 */
export async function lockDataDir(dataDir: string): Promise<DataDirLock> {
  const dir = await realpath(dataDir);
  await releasing.get(dir);
  let entry = entries.get(dir);
  if (entry === undefined) {
    const created = { count: 0, held: acquire(dir) };
    entries.set(dir, created);
    created.held.catch(() => {
      if (entries.get(dir) === created) entries.delete(dir);
    });
    entry = created;
  }
  const current = entry;
  const held = await current.held;
  current.count++;
  let released = false;
  return {
    async release() {
      if (released) return;
      released = true;
      current.count--;
      if (current.count > 0) return;
      entries.delete(dir);
      const done = letGo(held);
      releasing.set(dir, done);
      try {
        await done;
      } finally {
        if (releasing.get(dir) === done) releasing.delete(dir);
      }
    },
  };
}
