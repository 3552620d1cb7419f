import { loadConfigFromProcess } from "../shared/config.js";
import { buildNodeDeps } from "../shared/deps/build-node-deps.js";
import { exitIfRefused } from "../shared/errors/startup-refused.js";
import { reindexCollection } from "../shared/indexing/reindex-collection.js";

/**
 * `npm run reindex -- --collection <id> [--no-wait]`: rebuild a collection's vectors from its
 * documents with the configured embedder (a lost vector store, or a new embedding model).
 */
const args = process.argv.slice(2);
const at = args.indexOf("--collection");
const collectionId = at >= 0 ? args[at + 1] : undefined;
if (collectionId === undefined || collectionId.startsWith("--")) {
  console.error("usage: npm run reindex -- --collection <collection-id> [--no-wait]");
  process.exit(2);
}
const config = loadConfigFromProcess({ LOG_LEVEL: "warn", INDEX_WORKER: "false" });
const deps = await exitIfRefused(buildNodeDeps(config, { port: 0 }));
const started = Date.now();
try {
  const r = await reindexCollection(deps, collectionId, {
    wait: !args.includes("--no-wait"),
    progress: (line) => console.log(`[reindex] ${line}`),
  });
  const took = ((Date.now() - started) / 1000).toFixed(1);
  console.log(
    args.includes("--no-wait")
      ? `${r.documents} document(s) of ${collectionId} queued for the workers (${took} s)`
      : `reindexed ${collectionId} in ${took} s: ${r.indexed} indexed, ${r.failed} failed of ${r.documents}`,
  );
  if (r.failed > 0) process.exitCode = 1;
} catch (error) {
  console.error(`reindex FAILED: ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  await deps.close();
}
