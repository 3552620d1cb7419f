import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
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
});
