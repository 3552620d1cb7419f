import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { gunzip } from "node:zlib";
import type { TestProject } from "vitest/node";
import { migrate } from "../../shared/db/migrate.js";
import { createPgliteDatabase } from "../../shared/db/pglite-database.js";

/**
 * Vitest global setup: boots one PGlite, applies every migration and writes its data directory
 * to a temporary file, once per run; each test file loads it into a database of its own
 * (openMigratedDatabase in pglite-snapshot.ts).
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dir = await mkdtemp(join(tmpdir(), "docstack-pglite-snapshot-"));
  const path = join(dir, "migrated.tar");
  const db = await createPgliteDatabase();
  try {
    await migrate(db);
    if (db.dumpDataDir === undefined) throw new Error("PGlite cannot dump its data directory");
    // Kept uncompressed: every test file loads it, and a plain tar loads faster than a gzip'd one.
    await writeFile(path, await promisify(gunzip)(await db.dumpDataDir()));
  } finally {
    await db.close();
  }
  project.provide("pgliteSnapshot", path);
  return () => rm(dir, { recursive: true, force: true });
}
