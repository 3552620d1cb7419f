import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiKey } from "../../shared/auth/api-keys.js";
import { acquireBackupLock } from "../../shared/backups/backup-lock.js";
import { sql } from "../../shared/db/sql.js";
import { type EmbeddedStack, startEmbeddedStack } from "../../tests/support/embedded-stack.js";
import { createApp } from "./app.js";

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

describe("GET /backups/status objectives and target, GET /metrics", () => {
  it("reports free disk, the RPO/RTO targets and whether they are met", async () => {
    const r = await stack.json<{
      target: { free_bytes: number; total_bytes: number };
      objectives: {
        rpo_hours: number;
        rto_minutes: number;
        rpo_met: boolean | null;
        rto_met: boolean | null;
      };
    }>("/backups/status");
    expect(r.body.target.free_bytes).toBeGreaterThan(0);
    expect(r.body.target.total_bytes).toBeGreaterThanOrEqual(r.body.target.free_bytes);
    // The newest backup written above is an hour old: within the 24 h RPO. No drill yet.
    expect(r.body.objectives).toEqual({ rpo_hours: 24, rto_minutes: 60, rpo_met: true, rto_met: null });

    await mkdir(join(stack.dataDir, "backups", "drills"), { recursive: true });
    const at = new Date().toISOString();
    const drill = { at, outcome: "passed", rto_seconds: 4000, backup_id: "new" };
    // The comparison and the analytics window stay in the record on the backup volume.
    const record = { ...drill, comparison: {}, analytics_window: { from: at, to: at } };
    await writeFile(join(stack.dataDir, "backups", "drills", "latest.json"), JSON.stringify(record));
    const slow = await stack.json<{ objectives: { rto_met: boolean }; last_drill: unknown }>(
      "/backups/status",
    );
    expect(slow.body.last_drill).toEqual(drill);
    expect(slow.body.objectives.rto_met).toBe(false); // 4000 s > 60 min
  });

  it("exports ages, sizes, free disk and the last drill for Prometheus", async () => {
    // Served by the backup-status function itself (not through the public router or Nginx).
    const r = await createApp(stack.deps).request("/metrics");
    expect(r.status).toBe(200);
    expect(r.headers.get("content-type")).toContain("text/plain");
    const text = await r.text();
    const value = (line: string) => Number(new RegExp(`^${line} (\\S+)$`, "m").exec(text)?.[1]);
    expect(value('docstack_backup_age_seconds\\{component="database"\\}')).toBeGreaterThan(3500);
    expect(value('docstack_backup_age_seconds\\{component="database"\\}')).toBeLessThan(3700);
    expect(value('docstack_backup_stale\\{component="objects"\\}')).toBe(0);
    expect(value('docstack_backup_count\\{component="vectors"\\}')).toBe(2);
    expect(value("docstack_backup_target_free_bytes")).toBeGreaterThan(0);
    expect(value("docstack_backup_drill_rto_seconds")).toBe(4000);
    expect(value("docstack_backup_drill_passed")).toBe(1);
    expect(text).toContain("# TYPE docstack_backup_age_seconds gauge");
  });
});

describe("POST /backups/run", () => {
  let admin: EmbeddedStack;
  let adminKey: string;
  let readKey: string;
  beforeAll(async () => {
    admin = await startEmbeddedStack();
    // From here on this file's database has keys: anonymous access is over.
    adminKey = (await createApiKey(admin.deps.db, { name: "ops", scopes: ["admin"] })).key;
    readKey = (await createApiKey(admin.deps.db, { name: "reader", scopes: ["read"] })).key;
  });
  afterAll(() => admin.close());
  const run = (headers: Record<string, string>, body?: unknown) =>
    admin.json<{ backup_id: string; components: string[]; code: string; requestId: string }>("/backups/run", {
      method: "POST",
      headers: body === undefined ? headers : { "content-type": "application/json", ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const bearer = (key: string) => ({ authorization: `Bearer ${key}` });

  it("refuses a missing or unknown key (401) and a key without the admin scope (403)", async () => {
    const attempts: [Record<string, string>, number][] = [
      [{}, 401],
      [bearer("dsk_wrong"), 401],
      [{ authorization: `Basic ${adminKey}` }, 401],
      [bearer(readKey), 403],
      [{ "x-api-key": readKey }, 403],
    ];
    for (const [headers, status] of attempts) {
      const r = await run(headers);
      expect(r.status, JSON.stringify(headers)).toBe(status);
      expect(r.response.headers.get("content-type")).toContain("application/problem+json");
      expect(r.body.requestId).toBeTruthy();
    }
    expect((await admin.json<Status>("/backups/status", { headers: bearer(readKey) })).body.status).toBe(
      "never",
    );
  });

  it("starts a verified backup that backup-status then reports; 409 while one runs; 422 on bad input", async () => {
    const bad = await run(bearer(adminKey), { components: ["everything"] });
    expect(bad.status).toBe(422);

    const root = join(admin.dataDir, "backups");
    const release = await acquireBackupLock(root);
    const busy = await run({ "x-api-key": adminKey });
    await release();
    expect(busy.status).toBe(409);

    const started = await run(bearer(adminKey), { components: ["database", "objects"] });
    expect(started.status).toBe(202);
    expect(started.body.components).toEqual(["database", "objects"]);
    const status = await waitForStatus(
      admin,
      readKey,
      (s) => s.components[0]?.latest_backup_id === started.body.backup_id,
    );
    expect(status.components.map((c) => c.status)).toEqual(["healthy", "healthy", "never"]);
    const [row] = await admin.deps.db.query<{ actor: string }>(
      sql`select actor from audit_logs where action = 'backup.run' and target = ${started.body.backup_id}`,
    );
    expect(row?.actor).toBe("ops");
  });
});

async function waitForStatus(
  s: EmbeddedStack,
  key: string,
  done: (status: Status) => boolean,
): Promise<Status> {
  for (let i = 0; i < 100; i++) {
    const r = await s.json<Status>("/backups/status", { headers: { authorization: `Bearer ${key}` } });
    if (done(r.body)) return r.body;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error("the backup did not show up in /backups/status");
}
