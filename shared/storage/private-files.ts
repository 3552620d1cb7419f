import { chmod, lstat, mkdir, readdir } from "node:fs/promises";
import { join } from "node:path";
import type { Logger } from "../logging/logger.js";

/**
 * Owner-only modes for what the embedded default keeps on disk (the database, documents, the
 * signing key, backups): other users of the machine may neither read nor change any of it.
 * Node applies the umask on top of an explicit mode, so these can only end up stricter.
 */
export const privateDirMode = 0o700;
export const privateFileMode = 0o600;

const groupOrOther = 0o077;

export interface PrivateDirResult {
  /** The mode the directory had when it was open to others, before it was tightened. */
  tightenedFrom?: number;
  /** Why it could not be tightened (not its owner, a read-only mount). */
  failed?: string;
}

/**
 * Creates `dir` (and missing parents) owner-only, or takes the group and other bits off an
 * existing one. Once the directory is private, nothing inside can be reached by another user,
 * whatever the modes of the files in it.
 */
export async function ensurePrivateDir(dir: string): Promise<PrivateDirResult> {
  await mkdir(dir, { recursive: true, mode: privateDirMode });
  const { mode } = await lstat(dir);
  if ((mode & groupOrOther) === 0) return {};
  try {
    await chmod(dir, mode & privateDirMode);
    return { tightenedFrom: mode & 0o777 };
  } catch (error) {
    return { failed: (error as Error).message };
  }
}

/**
 * Takes the group and other bits off every directory and file under `dir` (symbolic links are
 * left alone, and not followed). For trees whose writer picks its own modes: PGlite's file system
 * layer creates the database files 0666 whatever the umask. Returns how many entries changed.
 */
export async function makeTreePrivate(dir: string): Promise<number> {
  let changed = 0;
  const visit = async (path: string): Promise<void> => {
    const stats = await lstat(path);
    if (stats.isSymbolicLink()) return;
    if ((stats.mode & groupOrOther) !== 0) {
      await chmod(path, stats.mode & 0o700);
      changed++;
    }
    if (stats.isDirectory()) {
      for (const name of await readdir(path)) await visit(join(path, name));
    }
  };
  await visit(dir);
  return changed;
}

/**
 * The embedded data directory, created private or tightened at startup, saying so in the log: a
 * directory others could read or write would expose every document and the database.
 */
export async function preparePrivateDataDir(dir: string, log: Logger): Promise<void> {
  let result: PrivateDirResult;
  try {
    result = await ensurePrivateDir(dir);
  } catch (error) {
    // Not fatal here: the stores that need it fail on their own, and readiness names them.
    log.error("DATA_DIR cannot be created", { dir, error });
    return;
  }
  const octal = (mode: number) => `0${mode.toString(8)}`;
  if (result.tightenedFrom !== undefined) {
    log.warn("DATA_DIR was open to other users; made it private", {
      dir,
      was: octal(result.tightenedFrom),
      now: octal(privateDirMode),
    });
  }
  if (result.failed !== undefined) {
    log.warn("DATA_DIR is open to other users and could not be made private: run `chmod 700` on it", {
      dir,
      error: result.failed,
    });
  }
}
