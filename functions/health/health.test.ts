import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiKey } from "../../shared/auth/api-keys.js";
import { type EmbeddedStack, startEmbeddedStack } from "../../tests/support/embedded-stack.js";

let stack: EmbeddedStack;
beforeAll(async () => {
  stack = await startEmbeddedStack({ RATE_LIMITER: "memory" });
});
afterAll(() => stack.close());

describe("health", () => {
  it("liveness answers without touching dependencies", async () => {
    const r = await stack.json("/health");
    expect(r).toMatchObject({ status: 200, body: { status: "ok" } });
  });

  it("readiness probes every dependency and names its adapter", async () => {
    const r = await stack.json<{
      status: string;
      checks: Record<string, { status: string; adapter: string; latency_ms: number }>;
    }>("/health/ready");
    expect(r.status).toBe(200);
    expect(r.body.status).toBe("ready");
    expect(Object.keys(r.body.checks).sort()).toEqual([
      "database",
      "embedder",
      "objects",
      "ratelimit",
      "vectors",
    ]);
    expect(r.body.checks.database).toMatchObject({ status: "up", adapter: "pglite" });
    expect(r.body.checks.objects).toMatchObject({ status: "up", adapter: "fs" });
  });

  it("readiness answers 503 naming what is down", async () => {
    // A real fault of the real adapter: the object store's root lies under a regular file.
    const file = join(stack.dataDir, "not-a-directory");
    await writeFile(file, "x");
    const broken = await startEmbeddedStack({ DATA_DIR: join(file, "data"), SIGNING_SECRET: "s".repeat(32) });
    try {
      const r = await broken.json<{ status: string; down: string[]; checks: { objects: { error: string } } }>(
        "/health/ready",
      );
      expect(r.status).toBe(503);
      expect(r.body).toMatchObject({ status: "not_ready", down: ["objects"] });
      expect(r.body.checks.objects.error).toMatch(/ENOTDIR|not a directory/i);
    } finally {
      await broken.close();
    }
  });

  // Last: the key it makes would close the other tests' anonymous access to this file's database.
  it("readiness detail is for callers with a key once keys exist; HEALTH_DETAIL=public shows it to anyone", async () => {
    const { key } = await createApiKey(stack.deps.db, {
      name: `ops-${crypto.randomUUID()}`,
      scopes: ["read"],
    });
    const open = await startEmbeddedStack({ RATE_LIMITER: "memory", HEALTH_DETAIL: "public" });
    try {
      const anonymous = await stack.json("/health/ready");
      expect(anonymous).toMatchObject({ status: 200, body: { status: "ready", down: [] } });
      expect(anonymous.body).not.toHaveProperty("checks");
      const wrongKey = await stack.json("/health/ready", { headers: { authorization: "Bearer dsk_wrong" } });
      expect(wrongKey.status).toBe(200);
      expect(wrongKey.body).not.toHaveProperty("checks");
      const keyHeaders: Record<string, string>[] = [{ authorization: `Bearer ${key}` }, { "x-api-key": key }];
      for (const headers of keyHeaders) {
        const keyed = await stack.json<{ checks: Record<string, unknown> }>("/health/ready", { headers });
        expect(Object.keys(keyed.body.checks)).toHaveLength(5);
      }
      const anyone = await open.json<{ checks: Record<string, unknown> }>("/health/ready");
      expect(Object.keys(anyone.body.checks)).toHaveLength(5);
      // Liveness stays public and plain.
      expect(await stack.json("/health")).toMatchObject({ status: 200, body: { status: "ok" } });
    } finally {
      await open.close();
    }
  });
});
