import { composeApps } from "../../functions/compose-apps.js";
import { loadConfigFromProcess } from "../../shared/config.js";
import { buildNodeDeps } from "../../shared/deps/build-node-deps.js";
import { type Fusion, fusionFor } from "../../shared/retrieval/search.js";
import type { Send } from "./eval-client.js";

export interface EvalTarget {
  send: Send;
  /** What the figures were measured on, for the report. */
  describe: string;
  /** The hybrid fusion a collection of this embedding model gets, when the target runs this checkout. */
  fusionOf?: (embeddingModel: string) => Fusion;
  close(): Promise<void>;
}

/**
 * The embedded default, in this process, exactly as `npm start` assembles it (PGlite, filesystem
 * objects, pgvector, the configured embedder) but without the background worker: the evaluation
 * drives indexing through POST /index/run. Requests go through every function's middleware; only
 * the rate limits are raised, as one client sends thousands of uploads and queries a minute.
 * `settings` add to the environment (e.g. EMBEDDER).
 */
export async function embeddedTarget(
  dataDir: string,
  settings: Record<string, string> = {},
): Promise<EvalTarget> {
  const config = loadConfigFromProcess({
    ...settings,
    DATA_DIR: dataDir,
    LOG_LEVEL: "warn",
    INDEX_WORKER: "false",
    RATE_LIMITER: "memory",
    RATE_LIMIT_UPLOAD: "1000000",
    RATE_LIMIT_QUERY: "1000000",
    RATE_LIMIT_DEFAULT: "1000000",
    // Every question is asked once per mode; a cache would only hold memory.
    QUERY_CACHE: "off",
  });
  const deps = await buildNodeDeps(config, { port: 0 });
  const fetch = composeApps(deps);
  return {
    send: async (path, init) => fetch(new Request(`http://docstack.eval${path}`, init)),
    describe: `embedded (${deps.db.kind}, ${deps.vectors.kind}, data in ${dataDir})`,
    fusionOf: (embeddingModel) => fusionFor({ embedding_model: embeddingModel }),
    close: () => deps.close(),
  };
}

/** A running Docstack (e.g. the local stack through Nginx), with an API key when it needs one. */
export function urlTarget(url: string, apiKey?: string): EvalTarget {
  const base = url.replace(/\/+$/, "");
  return {
    send: (path, init = {}) => {
      const headers = new Headers(init.headers);
      if (apiKey) headers.set("authorization", `Bearer ${apiKey}`);
      return fetch(`${base}${path}`, { ...init, headers });
    },
    describe: base,
    close: async () => {},
  };
}
