import { join } from "node:path";
import { sql } from "../db/sql.js";
import type { Deps } from "../deps/deps.js";
import { type AnalyticsWindow, analyticsWindow } from "./analytics-window.js";
import { backupRoot } from "./backup-dir.js";
import { writeFileAtomic } from "./backup-files.js";
import { backupDatabaseUrl, databaseHasData } from "./database-backup.js";
import { type BackupManifest, backupComponents, type DrillRecord } from "./manifest.js";
import { pgDropPublicSchema } from "./pg-tools.js";
import { runBackup } from "./run-backup.js";
import { runRestore } from "./run-restore.js";
import { diffSnapshots, type StoreSnapshot, snapshotStores, snapshotsIdentical } from "./store-snapshot.js";

export interface DrillOptions {
  /** The backup root (default BACKUP_DIR, else DATA_DIR/backups); the record goes to `drills/`. */
  targetDir?: string;
  /** Progress lines for the operator. */
  progress?: (line: string) => void;
}

const seconds = (ms: number) => Math.round(ms) / 1000;

/** Refuses what would make the drill prove nothing or destroy work in flight. */
async function assertDrillable(deps: Deps, before: StoreSnapshot): Promise<void> {
  if (deps.db.kind !== "postgres") {
    throw new Error(
      "the drill runs against the real stack (DB_DRIVER=postgres); the embedded default's round trip is `npm run backup` + `npm run restore` with Docstack stopped",
    );
  }
  if ((before.rows.documents?.size ?? 0) === 0)
    throw new Error("nothing to drill: the stack holds no documents");
  const [busy] = await deps.db.query<{ n: number }>(
    sql`select count(*)::int as n from documents where index_status in ('pending', 'indexing') and deleted_at is null`,
  );
  if ((busy?.n ?? 0) > 0) {
    throw new Error(
      `${busy?.n} document(s) are waiting for or being indexed: let the worker finish, then run the drill`,
    );
  }
  // The wipe empties the whole bucket, but a backup holds the objects of live documents only:
  // an object of a document being deleted, or of no document, would be "lost" by the drill.
  const live = new Set(
    (
      await deps.db.query<{ object_name: string }>(
        sql`select object_name from documents where deleted_at is null`,
      )
    ).map((r) => r.object_name),
  );
  const uncovered = [...before.objects.keys()].filter((name) => !live.has(name));
  if (uncovered.length > 0) {
    throw new Error(
      `${uncovered.length} object(s) belong to no live document (deletions in progress, or orphans), e.g. ${uncovered[0]}: let the worker finish deletions, then run the drill`,
    );
  }
}

/** Vectors, then objects, then the database (which names the collections the others hold). */
async function wipeStores(deps: Deps, before: StoreSnapshot): Promise<void> {
  const collections = await deps.db.query<{ id: string; embedding_dimension: number }>(
    sql`select id::text, embedding_dimension from collections`,
  );
  for (const c of collections)
    await deps.vectors.dropCollection({ id: c.id, dimension: c.embedding_dimension });
  for (const name of before.objects.keys()) await deps.objects.delete(name);
  await pgDropPublicSchema(backupDatabaseUrl(deps.config));

  const left: string[] = [];
  if (await databaseHasData(deps.db)) left.push("database");
  if ((await deps.objects.list()).length > 0) left.push("objects");
  // pgvector's table went with the schema: the database check covers it.
  if (deps.vectors.kind !== "pgvector") {
    for (const c of collections) {
      if ((await deps.vectors.count({ id: c.id, dimension: c.embedding_dimension })) > 0)
        left.push(`vectors of ${c.id}`);
    }
  }
  if (left.length > 0) throw new Error(`the wipe left data behind: ${left.join(", ")}`);
}

async function recordDrill(root: string, record: DrillRecord): Promise<void> {
  const text = `${JSON.stringify(record, null, 2)}\n`;
  await writeFileAtomic(
    join(root, "drills", `${record.at.replace(/[:.]/g, "")}-${record.backup_id}.json`),
    text,
  );
  await writeFileAtomic(join(root, "drills", "latest.json"), text);
}

/**
 * The disaster-recovery drill, on a populated real stack: snapshot every row, object (SHA-256),
 * vector and the answers to a fixed set of queries, and the analytics rows of a window that
 * ends before the drill starts (analytics-window.ts); back up; wipe PostgreSQL, the object store
 * and the vector store; restore into the empty stores (no --force: the wipe must have emptied
 * them); snapshot again and compare. Recorded where backup-status reads it, passed or failed.
 * If the restore itself fails the stores stay wiped: the record and the error name the backup to
 * restore by hand.
 */
export async function runDrill(deps: Deps, options: DrillOptions = {}): Promise<DrillRecord> {
  const root = options.targetDir ?? backupRoot(deps.config);
  const say = options.progress ?? (() => {});
  const at = new Date().toISOString();

  let t = Date.now();
  let window: AnalyticsWindow;
  let before: StoreSnapshot;
  let manifest: BackupManifest;
  try {
    window = await analyticsWindow(deps.db, deps.config.ANALYTICS_RETENTION_DAYS);
    before = await snapshotStores(deps, window);
    await assertDrillable(deps, before);
    say(
      `snapshot: ${before.rows.documents?.size} documents, ${before.objects.size} objects, ${before.vectors.size} vectors, ${before.queries.size} queries, ${before.rows.query_events?.size} query events and ${before.rows.query_feedback?.size} feedback rows recorded before ${window.to.toISOString()}`,
    );
    t = Date.now();
    ({ manifest } = await runBackup(deps, { components: backupComponents, targetDir: root }));
  } catch (error) {
    throw new Error(`${(error as Error).message} (before the wipe: nothing was changed)`);
  }
  const backupSeconds = seconds(Date.now() - t);
  const sizes = Object.fromEntries(Object.entries(manifest.components).map(([name, c]) => [name, c.size]));
  say(`backup ${manifest.id} in ${backupSeconds} s`);

  const record: DrillRecord = {
    at,
    outcome: "failed",
    rto_seconds: 0,
    backup_id: manifest.id,
    backup_seconds: backupSeconds,
    sizes,
    analytics_window: { from: window.from.toISOString(), to: window.to.toISOString() },
  };
  try {
    await wipeStores(deps, before);
    say("wiped PostgreSQL (public schema), the object store and the vector store");

    t = Date.now();
    await runRestore(deps, manifest.id, { components: backupComponents, force: false, sourceDir: root });
    record.rto_seconds = seconds(Date.now() - t);
    say(`restored in ${record.rto_seconds} s`);

    t = Date.now();
    const comparison = diffSnapshots(before, await snapshotStores(deps, window));
    record.verify_seconds = seconds(Date.now() - t);
    record.comparison = comparison;
    record.outcome = snapshotsIdentical(comparison) ? "passed" : "failed";
  } catch (error) {
    record.error = `${(error as Error).message} (restore by hand: npm run restore -- ${manifest.id} --force)`;
  }
  try {
    await recordDrill(root, record);
  } catch (error) {
    throw new Error(
      `the drill ${record.outcome} (backup ${manifest.id}, RTO ${record.rto_seconds} s) but could not be recorded: ${(error as Error).message}`,
    );
  }
  return record;
}
