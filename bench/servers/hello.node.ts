import { serve } from "@hono/node-server";
import { createHelloApp } from "./hello-app.js";

// Bench-only: PORT is the one setting, read here as the functions' entries read their config.
const server = serve({
  fetch: createHelloApp().fetch,
  port: Number(process.env.PORT ?? 8090),
  hostname: "127.0.0.1",
});
// A normal exit on SIGTERM, as the functions stop: Node writes its compile cache at exit.
process.on("SIGTERM", () => server.close(() => process.exit(0)));
