import type { Deps } from "../../shared/deps/deps.js";
import { createBaseApp } from "../../shared/http/create-app.js";
import { registerGetLiveness } from "./routes/get-liveness.js";
import { registerGetReadiness } from "./routes/get-readiness.js";

/** health: liveness and readiness. Never rate limited, so orchestrators always get an answer. */
export function createApp(deps: Deps) {
  const app = createBaseApp(deps, "health");
  registerGetLiveness(app);
  registerGetReadiness(app);
  return app;
}
