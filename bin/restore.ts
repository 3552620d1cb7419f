import { audit } from "../shared/audit/audit-log.js";
import { parseComponents } from "../shared/backups/backup-args.js";
import { restoreEmbedded, runRestore } from "../shared/backups/run-restore.js";
import { loadConfigFromProcess } from "../shared/config.js";
import { buildNodeDeps } from "../shared/deps/build-node-deps.js";

/**
 * `npm run restore -- <backup-id> [full|database|objects|vectors] [--force]`. Verifies the whole
 * backup first; refuses non-empty stores without --force. Stop Docstack first on the embedded
 * default (its database directory is replaced).
 */
const args = process.argv.slice(2);
const force = args.includes("--force");
const [backupId, component] = args.filter((a) => a !== "--force");
if (backupId === undefined) {
  console.error("usage: npm run restore -- <backup-id> [full|database|objects|vectors] [--force]");
  process.exit(2);
}
const components = parseComponents(component);
const config = loadConfigFromProcess({ LOG_LEVEL: "warn", INDEX_WORKER: "false" });
const open = (c: typeof config) => buildNodeDeps(c, { port: 0 });
const started = Date.now();
try {
  const report =
    config.DB_DRIVER === "pglite" && components.includes("database")
      ? await restoreEmbedded(config, backupId, { components, force }, open)
      : await (async () => {
          const deps = await open(config);
          try {
            return await runRestore(deps, backupId, { components, force });
          } finally {
            await deps.close();
          }
        })();
  // Recorded in the restored database itself, so the log shows where its history was rewound.
  const after = await open(config);
  try {
    await audit(after.db, {
      actor: "cli",
      action: "backup.restore",
      target: backupId,
      details: { components, force, seconds: (Date.now() - started) / 1000 },
    });
  } finally {
    await after.close();
  }
  console.log(
    `restore of ${backupId} complete and verified in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  for (const [name, c] of Object.entries(report.components)) {
    console.log(`  ${name.padEnd(9)} ${String(c.count).padStart(7)} items  ${c.duration_ms} ms`);
  }
  if (report.replacedDatabaseDir)
    console.log(`  the previous database was kept in ${report.replacedDatabaseDir}`);
} catch (error) {
  console.error(`restore FAILED: ${(error as Error).message}`);
  process.exitCode = 1;
}
