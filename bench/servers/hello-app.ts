import { Hono } from "hono";

/**
 * The baseline for HTTP overhead: a Hono app that does nothing. It answers any POST with a small
 * JSON body (after reading the request's), and /healthz like the functions do.
 */
export function createHelloApp(): Hono {
  const app = new Hono();
  app.get("/healthz", (c) => c.text("ok"));
  app.post("*", async (c) => {
    await c.req.text();
    return c.json({ results: [], mode: "hello", took_ms: 0 });
  });
  app.get("*", (c) => c.json({ hello: "world" }));
  return app;
}
