import { lstat, mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { composeApps } from "../../functions/compose-apps.js";
import { runBackup } from "../../shared/backups/run-backup.js";
import { parseConfig } from "../../shared/config.js";
import { buildNodeDeps } from "../../shared/deps/build-node-deps.js";
import { runIndex } from "../../shared/indexing/run-index.js";
import { uploadForm } from "../support/embedded-stack.js";

/** Every directory and file under `dir` (itself included) that another user could read or write. */
async function openToOthers(dir: string): Promise<string[]> {
  const out: string[] = [];
  const visit = async (path: string): Promise<void> => {
    const s = await lstat(path);
    if ((s.mode & 0o077) !== 0) out.push(`${relative(dir, path) || "."} ${(s.mode & 0o777).toString(8)}`);
    if (s.isDirectory()) for (const name of await readdir(path)) await visit(join(path, name));
  };
  await visit(dir);
  return out;
}

const made: string[] = [];
afterAll(async () => {
  for (const dir of made) await rm(dir, { recursive: true, force: true });
});

/** The embedded default exactly as `npm start` builds it: PGlite on disk, filesystem objects. */
async function start(dataDir: string) {
  const config = parseConfig({ LOG_LEVEL: "silent", DATA_DIR: dataDir, INDEX_WORKER: "false" });
  return buildNodeDeps(config, { port: 8080 });
}

describe("the embedded data directory is private to its owner", () => {
  // A new PGlite database on disk, a document, its indexing and a backup: slow on a busy machine.
  it(
    "creates DATA_DIR and everything in it owner-only: database, documents, signing key, backups",
    {
      timeout: 180_000,
    },
    async () => {
      const parent = await mkdtemp(join(tmpdir(), "docstack-modes-"));
      made.push(parent);
      const dataDir = join(parent, "data");
      const deps = await start(dataDir);
      try {
        const app = composeApps(deps);
        const call = (path: string, init?: RequestInit) =>
          app(new Request(`http://docstack.test${path}`, init));
        const created = await call("/collections", {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ name: "private" }),
        });
        expect(created.status).toBe(201);
        const { id } = (await created.json()) as { id: string };
        const upload = await call("/documents", {
          method: "POST",
          body: uploadForm(id, { name: "salaries.txt", bytes: "The payroll of every employee, by name." }),
        });
        expect(upload.status).toBe(201);
        await runIndex({ ...deps, batchSize: 16 }, { limit: 10, leaseS: 600 });
        await runBackup(deps, { components: ["database", "objects", "vectors"] });
        // What a running install holds: every kind of file is there.
        expect((await readdir(dataDir)).sort()).toEqual(
          expect.arrayContaining(["backups", "objects", "pg", "signing.key"]),
        );
        expect(await openToOthers(dataDir)).toEqual([]);
      } finally {
        await deps.close();
      }
      expect(await openToOthers(dataDir)).toEqual([]);
    },
  );
});
