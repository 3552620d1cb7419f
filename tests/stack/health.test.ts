import { describe, expect, it } from "vitest";
import { saveService, startService, stopService, waitReady } from "../../infra/local/stack.js";
import { api, json, state, waitFor } from "./stack-client.js";

interface Ready {
  status: string;
  down: string[];
  checks: Record<string, { status: string; adapter: string }>;
}

describe("readiness on the real stack", () => {
  it("reports every dependency up, Redis down while it is stopped, and up again without restarts", async () => {
    const ready = await api<Ready>("/health/ready");
    expect(ready.status).toBe(200);
    expect(ready.body.checks).toMatchObject({
      database: { status: "up", adapter: "postgres" },
      objects: { status: "up", adapter: "minio" },
      vectors: { status: "up", adapter: "chroma" },
      ratelimit: { status: "up", adapter: "redis" },
    });

    const redis = state.services.redis;
    if (redis === undefined) throw new Error("no redis in the stack state");
    const pids = Object.fromEntries(Object.entries(state.services).map(([n, s]) => [n, s.pid]));
    await stopService(redis);
    try {
      const down = await waitFor("readiness to report redis down", async () => {
        const r = await api<Ready>("/health/ready");
        return r.status === 503 ? r : undefined;
      });
      expect(down.body.down).toEqual(["ratelimit"]);
      // Declared policy RATE_LIMIT_FAIL_MODE=open: requests still go through, and fast.
      const started = Date.now();
      const q = await api(
        "/query",
        json("POST", { collection_id: crypto.randomUUID(), query: "still served?" }),
      );
      expect(q.status).toBe(404);
      expect(Date.now() - started).toBeLessThan(5000);
    } finally {
      startService(redis);
      saveService(redis);
      await waitReady(redis);
    }
    await waitFor("readiness to recover", async () => {
      const r = await api<Ready>("/health/ready");
      return r.status === 200 ? r : undefined;
    });
    // Nothing but Redis was restarted.
    for (const [name, pid] of Object.entries(pids))
      if (name !== "redis") expect(state.services[name]?.pid).toBe(pid);
  });
});
