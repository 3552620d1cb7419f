import { loadConfigFromProcess } from "../shared/config.js";
import { buildNodeDeps } from "../shared/deps/build-node-deps.js";
import { describeDeps } from "../shared/deps/deps.js";
import { exitIfRefused } from "../shared/errors/startup-refused.js";
import { onShutdown } from "../shared/http/serve-node.js";
import { startConfiguredWorker } from "../shared/indexing/index-worker.js";

/** `npm run worker`: drains pending documents until stopped. Run as many as you like. */
const config = loadConfigFromProcess();
const deps = await exitIfRefused(buildNodeDeps(config, { port: config.PORT ?? 8082 }));
deps.log.info("worker starting", { adapters: describeDeps(deps) });
const worker = startConfiguredWorker(deps);
onShutdown([worker.stop, deps.close], deps.log);
