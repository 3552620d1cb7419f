import { readFile } from "node:fs/promises";
import { inject } from "vitest";
import type { Database } from "../../shared/db/database.js";
import { migrate } from "../../shared/db/migrate.js";
import { createPgliteDatabase } from "../../shared/db/pglite-database.js";

declare module "vitest" {
  export interface ProvidedContext {
    /** A PGlite data-directory tarball at the latest schema, written by pglite-snapshot-setup.ts. */
    pgliteSnapshot: string;
  }
}

let snapshot: Promise<Blob> | undefined;

/**
 * A new in-memory PGlite of this test file's own, migrated: loaded from the tarball the global
 * setup wrote once for the run, which skips the initdb that takes most of a new PGlite's start.
 */
export async function openMigratedDatabase(): Promise<Database> {
  const path = inject("pgliteSnapshot");
  if (!path) {
    throw new Error(
      "no PGlite snapshot: add tests/support/pglite-snapshot-setup.ts to this config's globalSetup",
    );
  }
  snapshot ??= readFile(path).then((bytes) => new Blob([bytes]));
  const db = await createPgliteDatabase(undefined, await snapshot);
  // Normally applies nothing; in watch mode the snapshot predates migrations added since.
  await migrate(db);
  return db;
}
