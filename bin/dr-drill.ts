import { runDrill } from "../shared/backups/dr-drill.js";
import { loadConfigFromProcess } from "../shared/config.js";
import { buildNodeDeps } from "../shared/deps/build-node-deps.js";
import { exitIfRefused } from "../shared/errors/startup-refused.js";

/**
 * `npm run dr-drill -- --confirm-wipe`: back up the real stack, WIPE PostgreSQL, the object
 * store and the vector store, restore, and check that every row, object, vector and query
 * result is identical. For a drill environment or a maintenance window: the stores are empty
 * between the wipe and the restore. The record goes to BACKUP_DIR/drills/ (read by backup-status).
 */
if (!process.argv.includes("--confirm-wipe")) {
  console.error(
    "the drill wipes PostgreSQL, the object store and the vector store, then restores them.\nRun it with --confirm-wipe: npm run dr-drill -- --confirm-wipe",
  );
  process.exit(2);
}
const config = loadConfigFromProcess({ LOG_LEVEL: "warn", INDEX_WORKER: "false" });
const deps = await exitIfRefused(buildNodeDeps(config, { port: 0 }));
try {
  const record = await runDrill(deps, { progress: (line) => console.log(`[dr-drill] ${line}`) });
  for (const [section, d] of Object.entries(record.comparison ?? {})) {
    console.log(
      `  ${section.padEnd(24)} before ${String(d.before).padStart(6)}  after ${String(d.after).padStart(6)}  lost ${d.lost}  changed ${d.changed}  added ${d.added}${d.examples.length ? `  e.g. ${d.examples.join("; ")}` : ""}`,
    );
  }
  console.log(
    JSON.stringify({
      drill: record.outcome,
      rto_seconds: record.rto_seconds,
      backup_seconds: record.backup_seconds,
      verify_seconds: record.verify_seconds,
      sizes: record.sizes,
      backup_id: record.backup_id,
    }),
  );
  if (record.outcome !== "passed") {
    console.error(
      `dr-drill FAILED${record.error ? `: ${record.error}` : ": the restored stores differ (see above)"}`,
    );
    process.exitCode = 1;
  }
} catch (error) {
  console.error(`dr-drill FAILED: ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  await deps.close();
}
