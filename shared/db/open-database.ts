import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import type { Config } from "../config.js";
import type { Database } from "./database.js";
import { createPgliteDatabase } from "./pglite-database.js";
import { createPostgresDatabase, postgresOptionsFrom } from "./postgres-database.js";

/** Node only: picks the engine the configuration names. */
export async function openDatabase(config: Config): Promise<Database> {
  if (config.DB_DRIVER === "postgres") {
    return createPostgresDatabase(postgresOptionsFrom(config));
  }
  const dir = join(config.DATA_DIR, "pg");
  await mkdir(dir, { recursive: true });
  return createPgliteDatabase(dir);
}
