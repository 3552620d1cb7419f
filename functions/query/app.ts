import type { Deps } from "../../shared/deps/deps.js";
import { createBaseApp } from "../../shared/http/create-app.js";
import { rateLimit } from "../../shared/http/rate-limit.js";
import { registerQuery } from "./routes/query-collection.js";

/** query: hybrid retrieval over a collection. */
export function createApp(deps: Deps) {
  const app = createBaseApp(deps, "query");
  app.use(
    "*",
    rateLimit(() => "query"),
  );
  registerQuery(app);
  return app;
}
