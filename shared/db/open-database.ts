import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import type { Config } from "../config.js";
import { createLogger, type Logger } from "../logging/logger.js";
import { makeTreePrivate, preparePrivateDataDir, privateDirMode } from "../storage/private-files.js";
import { lockDataDir } from "./data-dir-lock.js";
import type { Database } from "./database.js";

/**
 * PGlite in DATA_DIR/pg, for this process alone: the data directory is locked until the database
 * is closed (a second process is refused, naming the holder) and kept private to its owner.
 */
async function openEmbeddedDatabase(dataDir: string, log: Logger): Promise<Database> {
  await preparePrivateDataDir(dataDir, log);
  const lock = await lockDataDir(dataDir);
  try {
    const dir = join(dataDir, "pg");
    await mkdir(dir, { recursive: true, mode: privateDirMode });
    // Imported here: a server-backed function never loads PGlite.
    const { createPgliteDatabase } = await import("./pglite-database.js");
    const db = await createPgliteDatabase(dir);
    // PGlite's file system layer writes the files of a new database 0666 and its relation cache
    // 0644 at every start, whatever the umask: take the other users' bits off after it opened.
    await makeTreePrivate(dir);
    return {
      ...db,
      async close() {
        try {
          await db.close();
        } finally {
          await lock.release();
        }
      },
    };
  } catch (error) {
    await lock.release();
    throw error;
  }
}

/** Node only: picks the engine the configuration names, and loads only that one. */
export async function openDatabase(
  config: Config,
  log: Logger = createLogger(config.LOG_LEVEL),
): Promise<Database> {
  if (config.DB_DRIVER === "postgres") {
    const { createPostgresDatabase, postgresOptionsFrom } = await import("./postgres-database.js");
    return createPostgresDatabase(postgresOptionsFrom(config));
  }
  return openEmbeddedDatabase(config.DATA_DIR, log);
}
