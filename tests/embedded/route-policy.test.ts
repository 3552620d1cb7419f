import { readFile } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { createApiKey } from "../../shared/auth/api-keys.js";
import { declaredRoutes } from "../../shared/http/route-policy.js";
import { functionNames } from "../../shared/http/route-table.js";
import { functionDocument } from "../../tools/openapi-document.js";
import { type EmbeddedStack, startEmbeddedStack } from "../support/embedded-stack.js";

interface Operation {
  security?: Record<string, string[]>[];
  responses: Record<string, unknown>;
}

// Registering every function's routes declares them all (each policyRoute records its policy).
for (const name of functionNames) functionDocument(name);
const contract = parse(await readFile(new URL("../../openapi.yaml", import.meta.url), "utf8")) as {
  paths: Record<string, Record<string, Operation>>;
};
const operations = Object.entries(contract.paths).flatMap(([path, item]) =>
  Object.entries(item).map(([method, op]) => ({ key: `${method.toUpperCase()} ${path}`, op })),
);

describe("openapi.yaml against each route's declared policy", () => {
  it("has exactly the declared operations", () => {
    expect(operations.map((o) => o.key).sort()).toEqual(
      declaredRoutes.map((r) => `${r.method.toUpperCase()} ${r.path}`).sort(),
    );
  });

  it.each(
    declaredRoutes.map((r) => [`${r.method.toUpperCase()} ${r.path}`, r.policy] as const),
  )("%s lists what its policy can answer", (key, policy) => {
    const op = operations.find((o) => o.key === key)?.op;
    expect(op).toBeDefined();
    if (op === undefined) return;
    const statuses = Object.keys(op.responses);
    if (policy.access.kind === "key" && policy.access.scope === "any") {
      expect(op.security).toEqual([{ Bearer: [] }, { ApiKey: [] }]);
      expect(statuses).toEqual(expect.arrayContaining(["401", "503"]));
      expect(statuses).not.toContain("403");
    } else if (policy.access.kind === "key") {
      const { scope } = policy.access;
      expect(op.security).toEqual([{ Bearer: [scope] }, { ApiKey: [scope] }]);
      expect(statuses).toEqual(expect.arrayContaining(["401", "403", "503"]));
    } else {
      expect(op.security).toEqual([]);
      expect(statuses).not.toContain("401");
    }
    if (policy.limit.kind === "limited") expect(statuses).toContain("429");
    else expect(statuses).not.toContain("429");
  });

  it("declares every protected operation 401, and 403 where it needs a scope", () => {
    const protectedOps = operations.filter((o) => (o.op.security ?? [{}]).length > 0);
    expect(protectedOps.length).toBeGreaterThan(10);
    for (const { key, op } of protectedOps) {
      const scoped = (op.security ?? []).some((s) => Object.values(s).some((scopes) => scopes.length > 0));
      expect(Object.keys(op.responses), key).toEqual(
        expect.arrayContaining(scoped ? ["401", "403"] : ["401"]),
      );
    }
  });
});

describe("each declared policy is enforced", () => {
  let stack: EmbeddedStack;
  let admin: string;
  beforeAll(async () => {
    stack = await startEmbeddedStack({ RATE_LIMITER: "memory" });
    // A key exists, so the install is no longer open to anonymous callers.
    admin = (await createApiKey(stack.deps.db, { name: "policy-admin", scopes: ["admin"] })).key;
  });
  afterAll(() => stack.close());

  const request = (method: string, path: string, key?: string) =>
    stack.request(path.replace("{id}", crypto.randomUUID()).replace("{name}", "x"), {
      method: method.toUpperCase(),
      headers: key === undefined ? {} : { authorization: `Bearer ${key}` },
    });

  it.each(
    declaredRoutes.map((r) => [`${r.method.toUpperCase()} ${r.path}`, r] as const),
  )("%s", async (_key, route) => {
    const anonymous = await request(route.method, route.path);
    if (route.policy.access.kind === "key") expect(anonymous.status).toBe(401);
    else expect(anonymous.status).not.toBe(401);
    const keyed = await request(route.method, route.path, admin);
    expect(keyed.status).not.toBe(401);
    expect(keyed.headers.has("ratelimit-limit")).toBe(route.policy.limit.kind === "limited");
  });
});
