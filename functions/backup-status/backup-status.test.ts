import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type EmbeddedStack, startEmbeddedStack } from "../../tests/support/embedded-stack.js";

let stack: EmbeddedStack;
beforeAll(async () => {
  stack = await startEmbeddedStack();
});
afterAll(() => stack.close());

interface Status {
  status: string;
  components: { component: string; status: string; latest_backup_id: string | null; count: number }[];
  last_drill: unknown;
}

async function writeBackup(id: string, finishedAt: Date, options: { complete: boolean }) {
  const dir = join(stack.dataDir, "backups", id);
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, "database.dump"), "x");
  if (!options.complete) return; // an interrupted backup has no manifest
  const component = { files: [], size: 10, count: 1, verified: true };
  await writeFile(
    join(dir, "manifest.json"),
    JSON.stringify({
      id,
      started_at: finishedAt.toISOString(),
      finished_at: finishedAt.toISOString(),
      components: { database: component, objects: component, vectors: component },
    }),
  );
}

describe("GET /backups/status", () => {
  it("reports never when there are no backups", async () => {
    const r = await stack.json<Status>("/backups/status");
    expect(r.status).toBe(200);
    expect(r.body.status).toBe("never");
    expect(r.body.components.map((c) => c.status)).toEqual(["never", "never", "never"]);
    expect(r.body.last_drill).toBeNull();
  });

  it("ignores an interrupted backup, reports a stale one, then a fresh one", async () => {
    await writeBackup("partial", new Date(), { complete: false });
    expect((await stack.json<Status>("/backups/status")).body.status).toBe("never");

    await writeBackup("old", new Date(Date.now() - 48 * 3600_000), { complete: true });
    const stale = await stack.json<Status>("/backups/status");
    expect(stale.body.status).toBe("stale");
    expect(stale.body.components[0]).toMatchObject({ status: "stale", latest_backup_id: "old", count: 1 });

    await writeBackup("new", new Date(Date.now() - 3600_000), { complete: true });
    const fresh = await stack.json<Status>("/backups/status");
    expect(fresh.body.status).toBe("healthy");
    expect(fresh.body.components[0]).toMatchObject({ status: "healthy", latest_backup_id: "new", count: 2 });
  });
});
