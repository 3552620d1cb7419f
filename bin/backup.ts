import { formatBytes, parseComponents } from "../shared/backups/backup-args.js";
import { runBackup } from "../shared/backups/run-backup.js";
import { loadConfigFromProcess } from "../shared/config.js";
import { buildNodeDeps } from "../shared/deps/build-node-deps.js";
import { exitIfRefused } from "../shared/errors/startup-refused.js";

/**
 * `npm run backup -- [full|database|objects|vectors]`: one verified backup into BACKUP_DIR
 * (default DATA_DIR/backups), then retention. With the embedded default, run it while Docstack
 * is stopped (PGlite is single-process: a running one's lock on DATA_DIR refuses it) or ask the
 * running one (POST /backups/run); on the real stack at any time.
 */
const components = parseComponents(process.argv[2]);
const config = loadConfigFromProcess({ LOG_LEVEL: "warn", INDEX_WORKER: "false" });
const deps = await exitIfRefused(buildNodeDeps(config, { port: 0 }));
const started = Date.now();
try {
  const { manifest, dir, retention } = await runBackup(deps, { components });
  console.log(`backup ${manifest.id} complete in ${((Date.now() - started) / 1000).toFixed(1)} s: ${dir}`);
  for (const [name, c] of Object.entries(manifest.components)) {
    const extra = c.details ? ` ${JSON.stringify(c.details)}` : "";
    console.log(
      `  ${name.padEnd(9)} ${String(c.count).padStart(7)} items ${formatBytes(c.size).padStart(10)}  ${c.duration_ms ?? 0} ms  verified=${c.verified}${extra}`,
    );
  }
  if (retention.deleted.length + retention.unfinishedDeleted.length + retention.blobsDeleted > 0) {
    console.log(
      `  retention: deleted ${retention.deleted.length} backup(s), ${retention.unfinishedDeleted.length} unfinished, ${retention.blobsDeleted} blob(s)`,
    );
  }
} catch (error) {
  console.error(`backup FAILED (no manifest written): ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  await deps.close();
}
