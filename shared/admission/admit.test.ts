import { describe, expect, it } from "vitest";
import { parseConfig } from "../config.js";
import type { Database } from "../db/database.js";
import type { Deps } from "../deps/deps.js";
import { createBaseApp } from "../http/create-app.js";
import { notRateLimited, policyErrorCodes, publicAccess, rateLimited } from "../http/route-policy.js";
import { createLogger } from "../logging/logger.js";

/**
 * A query app whose limit is exactly one request (min = max = 1), with a route that holds its
 * answer until the test lets it go: what the second caller gets while the first is in flight.
 */
function heldApp(env: Record<string, string> = {}) {
  const config = parseConfig({
    LOG_LEVEL: "silent",
    ADMISSION_MIN_LIMIT: "1",
    ADMISSION_MAX_LIMIT: "1",
    ...env,
  });
  const deps = {
    config,
    log: createLogger("silent"),
    db: { kind: "pglite" } as Database,
    limiter: { kind: "off" },
  } as unknown as Deps;
  const app = createBaseApp(deps, "query");
  let release: () => void = () => {};
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  app.post("/query", publicAccess("test"), rateLimited("query"), async (c) => {
    await held;
    return c.json({ ok: true });
  });
  app.post("/upload", publicAccess("test"), rateLimited("upload"), async (c) => {
    await held;
    return c.json({ ok: true });
  });
  app.get("/probe", publicAccess("test"), notRateLimited("a probe"), (c) => c.json({ ok: true }));
  const post = (path: string) => app.request(path, { method: "POST" });
  return { app, post, release: () => release() };
}

describe("admission control", () => {
  it("answers a request over the limit at once with 503 overloaded, Retry-After and a request id", async () => {
    const { app, post, release } = heldApp();
    const first = post("/query");
    const second = await post("/query");
    expect(second.status).toBe(503);
    expect(second.headers.get("content-type")).toMatch(/^application\/problem\+json/);
    expect(second.headers.get("retry-after")).toBe("1");
    const body = (await second.json()) as { code: string; requestId: string };
    expect(body.code).toBe("overloaded");
    expect(body.requestId).toBe(second.headers.get("x-request-id"));

    // Probes, /healthz and /metrics are never refused, however full the gate is.
    expect((await app.request("/probe")).status).toBe(200);
    expect((await app.request("/healthz")).status).toBe(200);
    const metrics = await (await app.request("/metrics")).text();
    expect(metrics).toMatch(/docstack_admission_shed_total\{function="query",class="query"\} [1-9]/);
    expect(metrics).toMatch(/docstack_admission_in_flight\{function="query",class="query"\} 1/);
    expect(metrics).toMatch(/docstack_admission_limit\{function="query",class="query"\} 1/);
    // Counted under the route it was refused on, not as an unmatched path.
    expect(metrics).toMatch(
      /docstack_http_requests_total\{function="query",route="\/query",method="POST",status="503"\} [1-9]/,
    );

    release();
    expect((await first).status).toBe(200);
    expect((await post("/query")).status).toBe(200);
  });

  it("a fresh process, having seen no congestion, takes a burst up to its maximum", async () => {
    const { post, release } = heldApp({ ADMISSION_MIN_LIMIT: "2", ADMISSION_MAX_LIMIT: "30" });
    const burst = Array.from({ length: 30 }, () => post("/query"));
    const over = await post("/query");
    release();
    expect((await Promise.all(burst)).map((r) => r.status)).toEqual(Array(30).fill(200));
    expect(over.status).toBe(503);
  });

  it("does not gate uploads, whose time is their client's", async () => {
    const { post, release } = heldApp();
    const uploads = [post("/upload"), post("/upload"), post("/upload")];
    release();
    expect((await Promise.all(uploads)).map((r) => r.status)).toEqual([200, 200, 200]);
  });

  it("refuses nothing with ADMISSION=off", async () => {
    const { post, release } = heldApp({ ADMISSION: "off" });
    const queries = [post("/query"), post("/query"), post("/query")];
    release();
    expect((await Promise.all(queries)).map((r) => r.status)).toEqual([200, 200, 200]);
  });

  it("lists 503 overloaded on rate-limited operations only", () => {
    const key = { kind: "key", scope: "read", reach: "collections" } as const;
    expect(policyErrorCodes({ access: key, limit: { kind: "limited", routeClass: "query" } })).toContain(
      "overloaded",
    );
    expect(policyErrorCodes({ access: key, limit: { kind: "unlimited", reason: "a probe" } })).not.toContain(
      "overloaded",
    );
  });
});
