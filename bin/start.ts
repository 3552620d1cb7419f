import { composeApps } from "../functions/compose-apps.js";
import { loadConfigFromProcess } from "../shared/config.js";
import { buildNodeDeps } from "../shared/deps/build-node-deps.js";
import { describeDeps } from "../shared/deps/deps.js";
import { onShutdown, serveNode } from "../shared/http/serve-node.js";
import { startConfiguredWorker } from "../shared/indexing/index-worker.js";

/** `npm start`: every function in one process on the embedded engines, with the index worker. */
const config = loadConfigFromProcess();
const port = config.PORT ?? 8080;
const deps = await buildNodeDeps(config, { port });
const served = await serveNode(composeApps(deps), deps, port);
const steps = [served.close];
if (config.INDEX_WORKER) {
  const worker = startConfiguredWorker(deps);
  steps.push(worker.stop);
}
steps.push(deps.close);
onShutdown(steps, deps.log);

deps.log.info("docstack listening", {
  url: served.url,
  adapters: describeDeps(deps),
  worker: config.INDEX_WORKER,
});
process.stdout.write(
  `\nDocstack is running at ${served.url}  (data in ${config.DATA_DIR})\n` +
    `Try:\n  curl -s -X POST ${served.url}/collections -H 'content-type: application/json' -d '{"name":"demo"}'\n` +
    "  (the README has the whole walkthrough: upload, status, query, download link, delete)\n\n",
);
