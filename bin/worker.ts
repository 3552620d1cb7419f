import { loadConfigFromProcess } from "../shared/config.js";
import { buildNodeDeps } from "../shared/deps/build-node-deps.js";
import { describeDeps } from "../shared/deps/deps.js";
import { exitIfRefused } from "../shared/errors/startup-refused.js";
import { startConfiguredWorker } from "../shared/indexing/index-worker.js";
import { stopOnSignals } from "../shared/lifecycle/stop-on-signals.js";

/** `npm run worker`: drains pending documents until stopped. Run as many as you like. */
const config = loadConfigFromProcess();
const deps = await exitIfRefused(buildNodeDeps(config, { port: config.PORT ?? 8082 }));
deps.log.info("worker starting", { adapters: describeDeps(deps) });
const worker = startConfiguredWorker(deps);
// No HTTP to drain: the worker hands back the claims it has not started writing, and stops.
stopOnSignals({
  delayS: 0,
  graceS: config.SHUTDOWN_GRACE_S,
  drain: [worker.stop],
  close: deps.close,
  log: deps.log,
});
