import { loadConfigFromProcess } from "../shared/config.js";
import { buildNodeDeps } from "../shared/deps/build-node-deps.js";
import { describeDeps } from "../shared/deps/deps.js";
import { onShutdown } from "../shared/http/serve-node.js";
import { startIndexWorker } from "../shared/indexing/index-worker.js";

/** `npm run worker`: drains pending documents until stopped. Run as many as you like. */
const config = loadConfigFromProcess();
const deps = await buildNodeDeps(config, { port: config.PORT ?? 8082 });
deps.log.info("worker starting", { adapters: describeDeps(deps) });
const worker = startIndexWorker(
  { ...deps, batchSize: config.EMBED_BATCH_SIZE },
  { pollMs: config.INDEX_POLL_MS, batch: config.INDEX_BATCH, leaseS: config.INDEX_LEASE_S },
);
onShutdown([worker.stop, deps.close], deps.log);
