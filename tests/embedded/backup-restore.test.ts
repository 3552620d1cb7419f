import { mkdtemp, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { composeApps } from "../../functions/compose-apps.js";
import { blobPath } from "../../shared/backups/backup-dir.js";
import { sha256Hex } from "../../shared/backups/backup-files.js";
import { backupComponents } from "../../shared/backups/manifest.js";
import { readObjectsIndex } from "../../shared/backups/objects-backup.js";
import { readManifests } from "../../shared/backups/read-manifests.js";
import { runBackup } from "../../shared/backups/run-backup.js";
import { RestoreRefusedError, restoreEmbedded, runRestore } from "../../shared/backups/run-restore.js";
import { BackupVerificationError, verifyBackup } from "../../shared/backups/verify-backup.js";
import { type Config, parseConfig } from "../../shared/config.js";
import type { Database } from "../../shared/db/database.js";
import { sql } from "../../shared/db/sql.js";
import { buildNodeDeps } from "../../shared/deps/build-node-deps.js";
import type { Deps } from "../../shared/deps/deps.js";
import { type EmbeddedStack, startEmbeddedStack, uploadForm } from "../support/embedded-stack.js";
import { makeDocx, makeHtml, makePdf } from "../support/fixtures.js";

let stack: EmbeddedStack;
let root: string;
const collections: string[] = [];
const all = [...backupComponents];

beforeAll(async () => {
  stack = await startEmbeddedStack();
  root = join(stack.dataDir, "backups");
  const a = await stack.createCollection();
  const b = await stack.createCollection();
  collections.push(a, b);
  const files: [string, { name: string; bytes: Uint8Array | string }][] = [
    [
      a,
      {
        name: "harbour.pdf",
        bytes: await makePdf([["Harbour dredging report.", "Silt rose in the east basin."]]),
      },
    ],
    [
      a,
      {
        name: "library.docx",
        bytes: await makeDocx(["Library lending policy.", "Members may borrow twelve books."]),
      },
    ],
    [
      a,
      {
        name: "notes.txt",
        bytes: "Planning objections must be filed within 21 days.\n\nLate ones are ignored.",
      },
    ],
    [b, { name: "parks.md", bytes: "# Parks\n\nDogs must be kept on a lead near the playground." }],
    [b, { name: "bins.html", bytes: makeHtml("Bins", ["Recycling is collected every other Tuesday."]) }],
    [b, { name: "budget.csv", bytes: "item,amount\nroads,120000\nparks,45000\n" }],
  ];
  for (const [collection, file] of files) {
    const r = await stack.request("/documents", { method: "POST", body: uploadForm(collection, file) });
    if (r.status !== 201) throw new Error(`upload ${file.name}: ${r.status} ${await r.text()}`);
  }
  await stack.indexAll();
});
afterAll(() => stack.close());

async function rows(db: Database) {
  return {
    collections: await db.query(sql`select * from collections order by id`),
    documents: await db.query(sql`select * from documents order by id`),
    chunks: await db.query(sql`select document_id, chunk_index, text, metadata from chunks order by 1, 2`),
    vectors: await db.query(sql`select id, collection_id, embedding::text from vectors order by id`),
  };
}

async function objectHashes(deps: Deps): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const name of await deps.objects.list()) out[name] = sha256Hex(await deps.objects.get(name));
  return out;
}

async function query(deps: Deps, collection: string, text: string) {
  const response = await composeApps(deps)(
    new Request("http://docstack.test/query", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ collection_id: collection, query: text, top_k: 5 }),
    }),
  );
  expect(response.status).toBe(200);
  return ((await response.json()) as { results: unknown[] }).results;
}

async function freshConfig(): Promise<Config> {
  const dir = await mkdtemp(join(tmpdir(), "docstack-restore-"));
  return parseConfig({ LOG_LEVEL: "silent", DATA_DIR: dir, INDEX_WORKER: "false", RATE_LIMITER: "off" });
}
const open = (c: Config) => buildNodeDeps(c, { port: 8080 });

describe("backup and restore of the embedded default", () => {
  it("round-trips every row, object, vector and query result into a fresh data directory", async () => {
    const t0 = Date.now();
    const { manifest } = await runBackup(stack.deps, { components: all });
    const backupMs = Date.now() - t0;
    expect(manifest.components.database).toMatchObject({ verified: true, engine: "pglite" });
    expect(manifest.components.objects).toMatchObject({ verified: true, count: 6 });
    expect(manifest.components.vectors?.files).toHaveLength(2);
    expect(manifest.components.vectors?.count).toBeGreaterThanOrEqual(6);
    // backup-status reads what the engine wrote.
    const status = await stack.json<{ status: string; components: { latest_backup_id: string }[] }>(
      "/backups/status",
    );
    expect(status.body.status).toBe("healthy");
    expect(status.body.components.map((c) => c.latest_backup_id)).toEqual([
      manifest.id,
      manifest.id,
      manifest.id,
    ]);

    const config = await freshConfig();
    const t1 = Date.now();
    const report = await restoreEmbedded(
      config,
      manifest.id,
      { components: all, force: false, sourceDir: root },
      open,
    );
    const restoreMs = Date.now() - t1;
    expect(report.components.objects?.count).toBe(6);

    const restored = await open(config);
    try {
      expect(await rows(restored.db)).toEqual(await rows(stack.deps.db));
      expect(await objectHashes(restored)).toEqual(await objectHashes(stack.deps));
      for (const [collection, text] of [
        [collections[0], "dredging silt harbour"],
        [collections[1], "when are bins collected"],
      ] as const) {
        const before = await query(stack.deps, collection ?? "", text);
        expect(before.length).toBeGreaterThan(0);
        expect(await query(restored, collection ?? "", text)).toEqual(before);
      }
    } finally {
      await restored.close();
      await rm(config.DATA_DIR, { recursive: true, force: true });
    }
    const sizes = Object.fromEntries(Object.entries(manifest.components).map(([k, c]) => [k, c.size]));
    console.info(`backup ${backupMs} ms, restore ${restoreMs} ms, sizes ${JSON.stringify(sizes)}`);
  });

  it("copies an unchanged object only once (incremental)", async () => {
    await runBackup(stack.deps, { components: ["objects"] });
    const { manifest } = await runBackup(stack.deps, { components: ["objects"] });
    expect(manifest.components.objects?.details).toMatchObject({ copied: 0, reused: 6 });
  });

  it("refuses to restore over non-empty stores without --force", async () => {
    const { manifest } = await runBackup(stack.deps, { components: ["objects", "vectors"] });
    const before = await stack.counts();
    await expect(
      runRestore(stack.deps, manifest.id, { components: ["objects", "vectors"], force: false }),
    ).rejects.toThrow(RestoreRefusedError);
    expect(await stack.counts()).toEqual(before);
    // With --force the same stores come back identical.
    await runRestore(stack.deps, manifest.id, { components: ["objects", "vectors"], force: true });
    expect(await stack.counts()).toEqual(before);
  });
});

describe("faults", () => {
  it("a backup killed half-way leaves no manifest; backup-status still reports the previous one", async () => {
    const { manifest: good } = await runBackup(stack.deps, { components: all });
    const spy = vi.spyOn(stack.deps.vectors, "exportPage").mockRejectedValueOnce(new Error("killed"));
    await expect(runBackup(stack.deps, { components: all })).rejects.toThrow("killed");
    spy.mockRestore();

    const dirs = (await readdir(root)).filter((d) => d !== "blobs" && !d.startsWith("."));
    const complete = new Set((await readManifests(root)).map((m) => m.id));
    const unfinished = dirs.filter((d) => !complete.has(d));
    expect(unfinished).toHaveLength(1);
    // The database and objects steps had run: their files are there, the manifest is not.
    const leftover = await readdir(join(root, unfinished[0] ?? ""));
    expect(leftover).toContain("objects.jsonl.gz");
    expect(leftover).not.toContain("manifest.json");

    const status = await stack.json<{ components: { component: string; latest_backup_id: string }[] }>(
      "/backups/status",
    );
    const vectors = status.body.components.find((c) => c.component === "vectors");
    expect(vectors?.latest_backup_id).toBe(good.id);
    await rm(join(root, unfinished[0] ?? ""), { recursive: true });
  });

  it("catches a corrupted object in the backup target, and the next backup repairs it", async () => {
    const { manifest } = await runBackup(stack.deps, { components: ["objects"] });
    const [entry] = await readObjectsIndex(join(root, manifest.id));
    if (entry === undefined) throw new Error("no objects backed up");
    const blob = blobPath(root, entry.sha256);
    const bytes = await readFile(blob);
    bytes[0] = (bytes[0] ?? 0) ^ 0xff;
    await writeFile(blob, bytes);

    const failure = await verifyBackup(root, manifest.id, ["objects"]).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(BackupVerificationError);
    expect((failure as BackupVerificationError).problems.join("\n")).toContain(entry.object_name);

    const next = await runBackup(stack.deps, { components: ["objects"] });
    expect(next.manifest.components.objects?.details?.copied).toBe(1);
    await expect(verifyBackup(root, manifest.id, ["objects"])).resolves.toBeDefined();
  });

  it("a restore from a backup with a missing file fails loudly and changes nothing", async () => {
    const { manifest } = await runBackup(stack.deps, { components: all });
    const [first] = manifest.components.vectors?.files ?? [];
    await rm(join(root, manifest.id, first?.path ?? ""));

    const config = await freshConfig();
    try {
      await expect(
        restoreEmbedded(config, manifest.id, { components: all, force: false, sourceDir: root }, open),
      ).rejects.toThrow(/failed verification[\s\S]*missing/);
      // Not even an empty database or object directory was made.
      expect(await readdir(config.DATA_DIR)).toEqual([]);
    } finally {
      await rm(config.DATA_DIR, { recursive: true, force: true });
    }
    // Into the live stores too: verification comes before the emptiness check and any write.
    const before = await stack.counts();
    await expect(
      runRestore(stack.deps, manifest.id, { components: ["vectors"], force: true }),
    ).rejects.toThrow(BackupVerificationError);
    expect(await stack.counts()).toEqual(before);
    expect((await stat(join(root, manifest.id, "manifest.json"))).isFile()).toBe(true);
  });
});
