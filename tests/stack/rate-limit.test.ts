import { describe, expect, it } from "vitest";
import { stackTestEnv } from "../../infra/local/stack.js";
import { makeKey, state } from "./stack-client.js";

describe("rate limiting across replicas", () => {
  it("a burst of 3N over both query replicas yields exactly N successes and 2N 429s", async () => {
    // N is whatever the running stack was started with (the suite's own start sets it small).
    const n = Number(state.functionEnv.RATE_LIMIT_QUERY ?? stackTestEnv.RATE_LIMIT_QUERY);
    const replicas = state.functions.query ?? [];
    expect(replicas).toHaveLength(2);
    // Limits are per API key: a fresh key, so earlier tests' requests do not count; requests go
    // straight to the replicas, alternating.
    const key = await makeKey({ scopes: ["read"] });
    const statuses = await Promise.all(
      Array.from({ length: 3 * n }, (_, i) =>
        fetch(`${replicas[i % 2]}/query`, {
          method: "POST",
          headers: { "content-type": "application/json", authorization: `Bearer ${key}` },
          body: JSON.stringify({ collection_id: crypto.randomUUID(), query: "x" }),
        }).then(async (r) => {
          if (r.status === 429) {
            expect(r.headers.get("retry-after")).toMatch(/^\d+$/);
            expect(r.headers.get("ratelimit-remaining")).toBe("0");
          }
          await r.arrayBuffer();
          return r.status;
        }),
      ),
    );
    const limited = statuses.filter((s) => s === 429).length;
    const passed = statuses.filter((s) => s !== 429).length;
    // Passed requests reach the handler, which answers 404 for the random collection.
    expect(new Set(statuses.filter((s) => s !== 429))).toEqual(new Set([404]));
    expect({ passed, limited }).toEqual({ passed: n, limited: 2 * n });
  });

  it("a key's own limit replaces the default, and other keys keep theirs", async () => {
    const small = await makeKey({ scopes: ["read"], rateLimits: { query: 5 } });
    const other = await makeKey({ scopes: ["read"] });
    const replicas = state.functions.query ?? [];
    const burst = (key: string, count: number) =>
      Promise.all(
        Array.from({ length: count }, (_, i) =>
          fetch(`${replicas[i % 2]}/query`, {
            method: "POST",
            headers: { "content-type": "application/json", "x-api-key": key },
            body: JSON.stringify({ collection_id: crypto.randomUUID(), query: "x" }),
          }).then(async (r) => {
            await r.arrayBuffer();
            return r.status;
          }),
        ),
      );
    const mine = await burst(small, 15);
    expect(mine.filter((s) => s !== 429)).toHaveLength(5);
    const theirs = await burst(other, 10);
    expect(theirs.filter((s) => s === 429)).toHaveLength(0);
  });
});
