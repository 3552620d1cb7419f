import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiKey, revokeApiKey } from "../../shared/auth/api-keys.js";
import { type EmbeddedStack, startEmbeddedStack } from "../../tests/support/embedded-stack.js";

let stack: EmbeddedStack;
beforeAll(async () => {
  stack = await startEmbeddedStack();
});
afterAll(() => stack.close());

const whoami = (key?: string) =>
  stack.json<Record<string, unknown>>("/auth/whoami", {
    headers: key === undefined ? {} : { authorization: `Bearer ${key}` },
  });

describe("GET /auth/whoami", () => {
  it("says anonymous, with every scope, on an install without keys", async () => {
    const r = await whoami();
    expect(r.status).toBe(200);
    expect(r.body).toEqual({
      name: "anonymous",
      kind: "anonymous",
      key_prefix: null,
      scopes: ["read", "write", "admin"],
      collections: null,
      rate_limits: {},
    });
  });

  it("describes a key of any scope, never its secret, and refuses unknown or revoked keys", async () => {
    const collection = await stack.createCollection();
    const writer = await createApiKey(stack.deps.db, {
      name: "ingest-only",
      scopes: ["write"],
      collections: [collection],
      rateLimits: { upload: 30 },
    });
    const r = await whoami(writer.key);
    expect(r.status).toBe(200);
    expect(r.body).toEqual({
      name: "ingest-only",
      kind: "key",
      key_prefix: writer.key.slice(0, 10),
      scopes: ["write"],
      collections: [collection],
      rate_limits: { upload: 30 },
    });
    expect(JSON.stringify(r.body)).not.toContain(writer.key);

    // Keys exist now: the install is no longer open.
    expect((await whoami()).status).toBe(401);
    const unknown = await whoami("dsk_not-a-key");
    expect(unknown.status).toBe(401);
    expect(unknown.response.headers.get("content-type")).toContain("application/problem+json");
    await revokeApiKey(stack.deps.db, "ingest-only");
    expect((await whoami(writer.key)).status).toBe(401);
  });
});
