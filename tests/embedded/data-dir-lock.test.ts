import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DataDirLock, holderName, lockDataDir, lockName } from "../../shared/db/data-dir-lock.js";
import { runCommand, stopCommands } from "../support/run-command.js";

// Commands that open the embedded database, each by another road (the database alone, the whole
// dependencies, a restore's own lock, a single function's entry), against a data directory another
// process (this one) holds: each must be refused with the reason, and write nothing. The other
// commands (worker, backup-scheduler, reindex, dr-drill, eval) open it as start and backup do.
const commands: [string, string[]][] = [
  ["bin/keys.ts", ["create", "--name", "sneaky", "--scopes", "admin"]],
  ["bin/keys.ts", ["revoke", "--name", "admin"]],
  ["bin/migrate.ts", []],
  ["bin/start.ts", []],
  ["bin/backup.ts", []],
  ["bin/restore.ts", ["20240101T000000Z", "--force"]],
  ["functions/index/entry.node.ts", []],
];

let dataDir: string;
let lock: DataDirLock;
beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), "docstack-held-"));
  lock = await lockDataDir(dataDir);
});
afterAll(async () => {
  stopCommands();
  await lock.release();
  await rm(dataDir, { recursive: true, force: true });
});

describe("a data directory in use by another process", () => {
  it.concurrent.each(commands)(
    "refuses %s %j with the reason and exit status 1",
    { timeout: 120_000 },
    async (script, args) => {
      const result = await runCommand(script, args, { DATA_DIR: dataDir, PORT: "0" });
      const said = result.stdout + result.stderr;
      expect(said).toContain(`DATA_DIR ${dataDir} is in use by another Docstack process (pid ${process.pid}`);
      expect(said).toContain("stop that process first");
      // The reason, not a stack trace.
      expect(said).not.toMatch(/^\s+at /m);
      expect(result.code).toBe(1);
      // Nothing written: no database, no objects, no key file; only this process's lock.
      expect((await readdir(dataDir)).sort()).toEqual([lockName, holderName].sort());
    },
  );
});
