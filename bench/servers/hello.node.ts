import { serve } from "@hono/node-server";
import { createHelloApp } from "./hello-app.js";

// Bench-only: PORT is the one setting, read here as the functions' entries read their config.
serve({ fetch: createHelloApp().fetch, port: Number(process.env.PORT ?? 8090), hostname: "127.0.0.1" });
