import { existsSync } from "node:fs";
import { join } from "node:path";
import { composeApps } from "../functions/compose-apps.js";
import { builtConsoleDir } from "../functions/serve-console.js";
import { startNodeServer } from "../shared/http/node-entry.js";

/** `npm start`: every function in one process on the embedded engines, with the index worker. */
await startNodeServer({
  name: "all",
  defaultPort: 8080,
  fetch: composeApps,
  indexWorker: true,
  banner: (url, config) =>
    `\nDocstack is running at ${url}  (data in ${config.DATA_DIR})\n` +
    `Try:\n  curl -s -X POST ${url}/collections -H 'content-type: application/json' -d '{"name":"demo"}'\n` +
    "  (the README has the whole walkthrough: upload, status, query, download link, delete)\n" +
    (existsSync(join(builtConsoleDir, "index.html"))
      ? `Console: ${url}/console/\n\n`
      : "Console: not built (npm run build:console, or npm run build)\n\n"),
});
