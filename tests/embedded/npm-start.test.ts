import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { lockName } from "../../shared/db/data-dir-lock.js";
import { printed, runCommand, startCommand, stopCommands } from "../support/run-command.js";

const made: string[] = [];
afterAll(async () => {
  stopCommands();
  for (const dir of made) await rm(dir, { recursive: true, force: true });
});

/**
 * `npm start` as an operator runs it, in a process of its own, on a data directory of its own:
 * what it refuses, what it prints, whom it keeps out while it runs. One data directory throughout,
 * as an operator's would be (and PGlite makes a new database only once).
 */
describe("npm start", () => {
  it(
    "refuses production without a key; in development warns of anonymous access and keeps `npm run keys` out until stopped",
    {
      timeout: 300_000,
    },
    async () => {
      const dataDir = await mkdtemp(join(tmpdir(), "docstack-start-"));
      made.push(dataDir);
      const env = { DATA_DIR: dataDir, PORT: "0" };

      // Production without an API key: refused, as the single functions are.
      const production = startCommand("bin/start.ts", [], {
        ...env,
        NODE_ENV: "production",
        SIGNING_SECRET: "a-real-secret-of-enough-length",
      });
      // Either it ends by itself (refused) or it says it is serving.
      const served = await printed(production, "Docstack is running at");
      if (served) production.child.kill("SIGTERM");
      const refusedInProduction = await production.exited;
      expect(served).toBe(false);
      expect(refusedInProduction.code).toBe(1);
      expect(refusedInProduction.stderr).toContain("refusing to start in production: no API keys");
      expect(refusedInProduction.stderr).not.toMatch(/^\s+at /m);
      expect(await readdir(dataDir)).not.toContain(lockName);

      // Development: open to anonymous callers, and says so.
      const server = startCommand("bin/start.ts", [], env);
      try {
        expect(await printed(server, "Docstack is running at")).toBe(true);
        expect(server.output().stdout).toContain("WARNING: anonymous access is ON");

        const refused = await runCommand(
          "bin/keys.ts",
          ["create", "--name", "admin", "--scopes", "admin"],
          env,
        );
        expect(refused.code).toBe(1);
        expect(refused.stderr).toContain("is in use by another Docstack process");
        expect(refused.stderr).toContain("bin/start.ts");
        expect(refused.stdout).not.toContain("dsk_");
      } finally {
        server.child.kill("SIGTERM");
      }
      expect((await server.exited).code).toBe(0);
      // Stopped cleanly: the lock went with it, so the next command need not wait for it to expire.
      expect(await readdir(dataDir)).not.toContain(lockName);

      const created = await runCommand(
        "bin/keys.ts",
        ["create", "--name", "admin", "--scopes", "admin"],
        env,
      );
      expect(created.stderr).toBe("");
      expect(created.code).toBe(0);
      expect(created.stdout).toMatch(/dsk_\S+/);
      const listed = await runCommand("bin/keys.ts", ["list"], env);
      expect(listed.stdout).toMatch(/^admin\s.*active$/m);
    },
  );
});
