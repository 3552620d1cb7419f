import { runBackup } from "../shared/backups/run-backup.js";
import { loadConfigFromProcess } from "../shared/config.js";
import { buildNodeDeps } from "../shared/deps/build-node-deps.js";
import { exitIfRefused } from "../shared/errors/startup-refused.js";
import { stopOnSignals } from "../shared/lifecycle/stop-on-signals.js";
import { nextRun, parseCron } from "../shared/schedule/cron.js";

/**
 * `npm run backup:scheduler`: a full backup at every BACKUP_SCHEDULE time (cron, UTC), for as
 * long as it runs (the Compose `backup` service). A failed backup is logged and leaves no
 * manifest; backup-status then shows the components going stale, and the next run tries again.
 * `--now` also takes one backup at start.
 */
const config = loadConfigFromProcess({ INDEX_WORKER: "false" });
const deps = await exitIfRefused(buildNodeDeps(config, { port: 0 }));
const schedule = parseCron(config.BACKUP_SCHEDULE);
let stopping = false;
let timer: NodeJS.Timeout | undefined;
let wake: (() => void) | undefined;

async function backupOnce(): Promise<void> {
  const started = Date.now();
  try {
    const { manifest } = await runBackup(deps, { components: ["database", "objects", "vectors"] });
    deps.log.info("scheduled backup complete", {
      backupId: manifest.id,
      seconds: (Date.now() - started) / 1000,
      sizes: Object.fromEntries(Object.entries(manifest.components).map(([k, c]) => [k, c.size])),
    });
  } catch (error) {
    deps.log.error("scheduled backup FAILED (no manifest written)", { error: (error as Error).message });
  }
}

/** Sleeps until `at`, in steps (setTimeout cannot wait more than ~24.8 days at once). */
async function sleepUntil(at: Date): Promise<void> {
  while (!stopping && Date.now() < at.getTime()) {
    await new Promise<void>((resolve) => {
      wake = resolve;
      timer = setTimeout(resolve, Math.min(at.getTime() - Date.now(), 3_600_000));
    });
  }
}

stopOnSignals({
  delayS: 0,
  graceS: config.SHUTDOWN_GRACE_S,
  drain: [
    async () => {
      stopping = true;
      clearTimeout(timer);
      wake?.();
    },
  ],
  close: deps.close,
  log: deps.log,
});
if (process.argv.includes("--now")) await backupOnce();
while (!stopping) {
  const at = nextRun(schedule, new Date());
  deps.log.info("next scheduled backup", { at: at.toISOString(), schedule: config.BACKUP_SCHEDULE });
  await sleepUntil(at);
  if (!stopping) await backupOnce();
}
