import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiKey, revokeApiKey } from "../../shared/auth/api-keys.js";
import { assertProductionReady } from "../../shared/auth/production-checks.js";
import { type EmbeddedStack, startEmbeddedStack } from "../support/embedded-stack.js";

// This file's database starts with no keys at all: the development install of the quick start.
let stack: EmbeddedStack;
beforeAll(async () => {
  stack = await startEmbeddedStack();
});
afterAll(() => stack.close());

const asAnonymous = {
  read: () => stack.request("/collections"),
  admin: () => stack.request("/audit"),
};
const withKey = (key: string) => stack.request("/audit", { headers: { authorization: `Bearer ${key}` } });

describe("anonymous access on a development install", () => {
  it("is open while no key was ever created, closes with the first key, and stays closed once it is revoked", async () => {
    expect((await asAnonymous.read()).status).toBe(200);
    expect((await asAnonymous.admin()).status).toBe(200);

    const { key } = await createApiKey(stack.deps.db, { name: "only", scopes: ["admin"] });
    expect((await asAnonymous.read()).status).toBe(401);
    expect((await withKey(key)).status).toBe(200);

    // Revoking the last key must not hand every scope, admin included, back to anyone.
    await revokeApiKey(stack.deps.db, "only");
    const read = await asAnonymous.read();
    expect(read.status).toBe(401);
    expect(read.headers.get("content-type")).toContain("application/problem+json");
    expect((await asAnonymous.admin()).status).toBe(401);
    expect((await withKey(key)).status).toBe(401);

    // Production still wants a key that works, not one that once existed.
    await expect(
      assertProductionReady({ ...stack.deps.config, NODE_ENV: "production" }, stack.deps.db),
    ).rejects.toThrow(/no API keys/);
  });
});
