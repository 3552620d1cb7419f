import { mkdtemp, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { composeApps } from "../../functions/compose-apps.js";
import { expireAnalytics } from "../../shared/analytics/analytics-retention.js";
import type { QueryEvent } from "../../shared/analytics/query-event.js";
import { hashKey, storedQuery } from "../../shared/analytics/query-text.js";
import { storedHashSecret, writeQueryEvents } from "../../shared/analytics/write-query-events.js";
import type { AnalyticsWindow } from "../../shared/backups/analytics-window.js";
import { blobPath } from "../../shared/backups/backup-dir.js";
import { sha256Hex } from "../../shared/backups/backup-files.js";
import { backupComponents } from "../../shared/backups/manifest.js";
import { readObjectsIndex } from "../../shared/backups/objects-backup.js";
import { readManifests } from "../../shared/backups/read-manifests.js";
import { runBackup } from "../../shared/backups/run-backup.js";
import { RestoreRefusedError, restoreEmbedded, runRestore } from "../../shared/backups/run-restore.js";
import { diffSnapshots, snapshotStores, snapshotsIdentical } from "../../shared/backups/store-snapshot.js";
import { BackupVerificationError, verifyBackup } from "../../shared/backups/verify-backup.js";
import { type Config, parseConfig } from "../../shared/config.js";
import type { Database } from "../../shared/db/database.js";
import { raw, sql } from "../../shared/db/sql.js";
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
  await recordAnalytics(a, b);
});
afterAll(() => stack.close());

const dayMs = 86_400_000;

function queryEvent(collectionId: string, at: Date, keep: QueryEvent["query"]["keep"]): QueryEvent {
  return {
    queryId: crypto.randomUUID(),
    at,
    collectionId,
    apiKeyName: "backup-test",
    mode: "hybrid",
    latencyMs: 12.5,
    resultCount: 2,
    topScore: 0.75,
    documentIds: [crypto.randomUUID(), crypto.randomUUID()],
    cacheHit: false,
    errorClass: keep === "off" ? "unavailable" : null,
    query: { text: `opening hours ${at.toISOString()}`, keep },
  };
}

/** Writes query events as the query functions' buffers do, with the installation's hash key. */
async function writeEvents(db: Database, events: QueryEvent[]): Promise<void> {
  await writeQueryEvents(db, events, await hashKey(await storedHashSecret(db)));
}

/**
 * Analytics in more than one partition of query_events: events of real queries (today's),
 * events five days old (the default partition: daily ones are made from today on) and of
 * tomorrow (its partition is made ahead), kept as hash, text or neither; and feedback.
 */
async function recordAnalytics(a: string, b: string): Promise<void> {
  const post = (body: unknown) => ({
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  const asked = await stack.json<{ query_id: string; results: { document_id: string }[] }>(
    "/query",
    post({ collection_id: a, query: "harbour silt", mode: "keyword" }),
  );
  if (asked.status !== 200) throw new Error(`query: ${asked.status}`);
  const feedback = await stack.json(
    `/query/${asked.body.query_id}/feedback`,
    post({ collection_id: a, helpful: true, document_id: asked.body.results[0]?.document_id }),
  );
  if (feedback.status !== 201) throw new Error(`feedback: ${feedback.status}`);
  await stack.json(`/query/${crypto.randomUUID()}/feedback`, post({ collection_id: b, helpful: false }));
  await stack.deps.analytics.flush();
  const now = Date.now();
  await writeEvents(stack.deps.db, [
    queryEvent(a, new Date(now - 5 * dayMs), "full"),
    queryEvent(b, new Date(now - 5 * dayMs), "hashed"),
    queryEvent(a, new Date(now - 60_000), "hashed"),
    queryEvent(b, new Date(now + dayMs), "off"),
  ]);
}

/** Every analytics row recorded so far and up to a week ahead (no live writers in these tests). */
const everything = (): AnalyticsWindow => ({ from: new Date(0), to: new Date(Date.now() + 7 * dayMs) });

async function eventPartitions(db: Database): Promise<{ kind: string; partitions: string[] }> {
  const [parent] = await db.query<{ kind: string }>(
    sql`select relkind::text as kind from pg_class where oid = 'query_events'::regclass`,
  );
  const partitions = await db.query<{ name: string }>(sql`
    select c.relname as name from pg_inherits i join pg_class c on c.oid = i.inhrelid
    where i.inhparent = 'query_events'::regclass order by 1`);
  return { kind: parent?.kind ?? "none", partitions: partitions.map((p) => p.name) };
}

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
  /** The stores restored by the first test, for the checks after it. */
  let restored: Deps | undefined;
  let restoredDir: string | undefined;
  afterAll(async () => {
    await restored?.close();
    if (restoredDir) await rm(restoredDir, { recursive: true, force: true });
  });
  const restoredDeps = (): Deps => {
    if (restored === undefined) throw new Error("the round trip did not restore");
    return restored;
  };

  it("round-trips every row, object, vector and query result into a fresh data directory", async () => {
    const window = everything();
    const snapshot = await snapshotStores(stack.deps, window);
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

    // The analytics tables are counted (query_events over all its partitions) and so verified.
    expect(manifest.components.database?.details).toMatchObject({
      query_events: 5,
      query_feedback: 2,
      analytics_settings: 1,
    });

    const config = await freshConfig();
    restoredDir = config.DATA_DIR;
    const t1 = Date.now();
    const report = await restoreEmbedded(
      config,
      manifest.id,
      { components: all, force: false, sourceDir: root },
      open,
    );
    const restoreMs = Date.now() - t1;
    expect(report.components.objects?.count).toBe(6);

    restored = await open(config);
    // What the drill compares: every row (analytics too, each event in its partition), object,
    // vector and fixed query's answer.
    const diff = diffSnapshots(snapshot, await snapshotStores(restored, window));
    expect(snapshotsIdentical(diff), JSON.stringify(diff)).toBe(true);
    expect(diff["rows.query_events"]?.before).toBe(5);
    expect(diff["rows.query_feedback"]?.before).toBe(2);
    expect(diff["rows.analytics_settings"]?.before).toBe(1);
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
    // Those queries' events wait in each buffer for a second: written now, not in a later test's window.
    await Promise.all([stack.deps.analytics.flush(), restored.analytics.flush()]);
    const sizes = Object.fromEntries(Object.entries(manifest.components).map(([k, c]) => [k, c.size]));
    console.info(`backup ${backupMs} ms, restore ${restoreMs} ms, sizes ${JSON.stringify(sizes)}`);
  });

  it("restores query_events partitioned by day, and its partition functions still work", async () => {
    const { db } = restoredDeps();
    const before = await eventPartitions(stack.deps.db);
    expect(before.kind).toBe("p");
    expect(before.partitions).toContain("query_events_default");
    expect(before.partitions.length).toBeGreaterThan(1);
    expect(await eventPartitions(db)).toEqual(before);

    await db.query(sql`select ensure_query_event_partitions(4)`);
    const [day4] = await db.query<{ name: string }>(
      sql`select 'query_events_' || to_char(now() + interval '4 days', 'YYYY_MM_DD') as name`,
    );
    expect((await eventPartitions(db)).partitions).toContain(day4?.name);
    const [collection] = collections;
    const event = queryEvent(collection ?? "", new Date(Date.now() + 4 * dayMs), "hashed");
    await writeEvents(db, [event]);
    const [row] = await db.query<{ partition: string; query_hash: string | null }>(sql`
      select tableoid::regclass::text as partition, query_hash from query_events
      where query_id = ${event.queryId}`);
    expect(row?.partition).toBe(day4?.name);
    // Hashed with the restored key: a text hashes as it did before the restore.
    const hashedBefore = await storedQuery(
      event.query.text,
      "hashed",
      await hashKey(await storedHashSecret(stack.deps.db)),
    );
    expect(row?.query_hash).toBe(hashedBefore.hash);
    // Feedback ids go on from the restored sequence, past those restored.
    const [last] = await stack.deps.db.query<{ id: string }>(
      sql`select max(id)::text as id from query_feedback`,
    );
    const insert = sql`insert into query_feedback (query_id, collection_id, helpful)
      values (${event.queryId}, ${collection ?? ""}, true) returning id::text`;
    const [added] = await db.query<{ id: string }>(insert);
    expect(Number(added?.id)).toBeGreaterThan(Number(last?.id));
    // The worker's retention runs on the restored schema (nothing here is old enough to go).
    await expect(expireAnalytics(db, 3650)).resolves.toEqual([]);
  });

  it("the drill's comparison finds analytics rows a restore lost, changed or put in another partition", async () => {
    const { db } = restoredDeps();
    const window = everything();
    const good = await snapshotStores(restoredDeps(), window);
    const [today] = await db.query<{ name: string }>(
      sql`select 'query_events_' || to_char(now(), 'YYYY_MM_DD') as name`,
    );
    const todays = await db.query<{ query_id: string }>(
      sql`select query_id from query_events where tableoid::regclass::text = ${today?.name ?? ""}`,
    );
    expect(todays.length).toBeGreaterThan(0);
    const [old] = await db.query<{ query_id: string }>(
      sql`select query_id from query_events where tableoid::regclass::text = 'query_events_default' limit 1`,
    );

    // One event lost, one feedback row changed, the hash key replaced, and today's partition
    // gone with its rows put back in the default partition.
    await db.query(sql`delete from query_events where query_id = ${old?.query_id ?? ""}`);
    await db.query(
      sql`update query_feedback set helpful = not helpful where id = (select min(id) from query_feedback)`,
    );
    await db.query(sql`update analytics_settings set hash_key = md5(hash_key)`);
    await db.query(raw(`alter table query_events detach partition ${today?.name}`));
    await db.query(raw(`insert into query_events select * from ${today?.name}`));
    await db.query(raw(`drop table ${today?.name}`));

    const diff = diffSnapshots(good, await snapshotStores(restoredDeps(), window));
    expect(snapshotsIdentical(diff)).toBe(false);
    expect(diff["rows.query_events"]).toMatchObject({ lost: 1, changed: todays.length, added: 0 });
    expect(diff["rows.query_feedback"]).toMatchObject({ lost: 0, changed: 1, added: 0 });
    expect(diff["rows.analytics_settings"]).toMatchObject({ lost: 0, changed: 1, added: 0 });
  });

  it("the drill's comparison leaves out analytics rows recorded outside its window", async () => {
    const { db } = restoredDeps();
    const [collection] = collections;
    const now = Date.now();
    const window: AnalyticsWindow = { from: new Date(now - dayMs), to: new Date(now) };
    const before = await snapshotStores(restoredDeps(), window);
    await writeEvents(db, [
      queryEvent(collection ?? "", new Date(now + 1), "off"), // a query after the window: still buffered at its start
      queryEvent(collection ?? "", new Date(now - 2 * dayMs), "off"), // older than the window: retention may take it
      queryEvent(collection ?? "", new Date(now - 1000), "off"), // inside
    ]);
    await db.query(sql`insert into query_feedback (query_id, collection_id, helpful, at)
      values (${crypto.randomUUID()}, ${collection ?? ""}, true, ${new Date(now + 1).toISOString()}::timestamptz)`);
    const diff = diffSnapshots(before, await snapshotStores(restoredDeps(), window));
    expect(diff["rows.query_events"]).toMatchObject({ lost: 0, changed: 0, added: 1 });
    expect(diff["rows.query_feedback"]).toMatchObject({ lost: 0, changed: 0, added: 0 });
  });

  it("a backup holds exactly the rows it counted, even with query events written as it dumps", async () => {
    const db = stack.deps.db;
    const dump = db.dumpDataDir?.bind(db);
    if (dump === undefined) throw new Error("PGlite dumps its data directory");
    const key = await hashKey(await storedHashSecret(db));
    const [collection] = collections;
    let flushed: Promise<void> | undefined;
    // A query function's buffer flushes just as the tarball is taken: given a turn of the event
    // loop, that insert lands first unless the backup holds it off.
    vi.spyOn(db, "dumpDataDir").mockImplementationOnce(async () => {
      flushed = writeQueryEvents(db, [queryEvent(collection ?? "", new Date(), "off")], key);
      await new Promise((resolve) => setImmediate(resolve));
      return dump();
    });
    // The earlier tests' queries left events in this stack's buffer: written now, not mid-count.
    await stack.deps.analytics.flush();
    const [before] = await db.query<{ n: number }>(sql`select count(*)::int as n from query_events`);
    const { manifest } = await runBackup(stack.deps, { components: ["database"] });
    expect(flushed).toBeDefined();
    await flushed;
    const [after] = await db.query<{ n: number }>(sql`select count(*)::int as n from query_events`);
    expect(after?.n).toBe((before?.n ?? 0) + 1);
    expect(manifest.components.database?.details?.query_events).toBe(before?.n);

    // The restore checks the tarball's counts against the manifest's, and fails on a difference.
    const config = await freshConfig();
    try {
      await restoreEmbedded(
        config,
        manifest.id,
        { components: ["database"], force: false, sourceDir: root },
        open,
      );
    } finally {
      await rm(config.DATA_DIR, { recursive: true, force: true });
    }
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
