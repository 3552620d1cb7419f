import { describe, expect, it } from "vitest";
import { stackTestEnv } from "../../infra/local/stack.js";
import { makeKey, state } from "./stack-client.js";

/*
 * A limit {n, window} is a bucket of n requests refilled at n/window per second, shared by the
 * replicas through Redis: from a full bucket, a burst lasting t seconds gets at least n and at
 * most n + floor(t * n / window) through, wherever it falls in time.
 */

const windowS = Number(state.functionEnv.RATE_LIMIT_WINDOW_S ?? stackTestEnv.RATE_LIMIT_WINDOW_S);

/** `count` concurrent queries with `key`, alternating between the query replicas. */
async function burst(key: string, count: number, check?: (r: Response) => void) {
  const replicas = state.functions.query ?? [];
  const started = performance.now();
  const statuses = await Promise.all(
    Array.from({ length: count }, (_, i) =>
      fetch(`${replicas[i % 2]}/query`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${key}` },
        body: JSON.stringify({ collection_id: crypto.randomUUID(), query: "x" }),
      }).then(async (r) => {
        check?.(r);
        await r.arrayBuffer();
        return r.status;
      }),
    ),
  );
  const elapsedS = (performance.now() - started) / 1000;
  const limited = statuses.filter((s) => s === 429).length;
  return { statuses, passed: count - limited, limited, elapsedS };
}

describe("rate limiting across replicas", () => {
  it("a burst of 3N over both query replicas lets through N, plus at most the refill during the burst", async () => {
    // N is whatever the running stack was started with (the suite's own start sets it small).
    const n = Number(state.functionEnv.RATE_LIMIT_QUERY ?? stackTestEnv.RATE_LIMIT_QUERY);
    expect(state.functions.query ?? []).toHaveLength(2);
    // Limits are per API key: a fresh key starts with a full bucket.
    const key = await makeKey({ scopes: ["read"] });
    const { statuses, passed, limited, elapsedS } = await burst(key, 3 * n, (r) => {
      if (r.status === 429) {
        // The next request is admitted one refill (window / N) after the bucket ran dry.
        expect(Number(r.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
        expect(Number(r.headers.get("retry-after"))).toBeLessThanOrEqual(Math.ceil(windowS / n));
        expect(r.headers.get("ratelimit-remaining")).toBe("0");
        expect(Number(r.headers.get("ratelimit-reset"))).toBeLessThanOrEqual(windowS);
      }
    });
    // Passed requests reach the handler, which answers 404 for the random collection.
    expect(new Set(statuses.filter((s) => s !== 429))).toEqual(new Set([404]));
    const refill = Math.floor((elapsedS * n) / windowS);
    const at = `${passed} passed in ${elapsedS.toFixed(3)} s, refill ${refill}`;
    console.log(`rate limit: burst of ${3 * n} for a limit of ${n}: ${at}`);
    expect(passed, at).toBeGreaterThanOrEqual(n);
    expect(passed, at).toBeLessThanOrEqual(n + refill);
    expect(limited, at).toBe(3 * n - passed);
  });

  it("a key's own limit replaces the default, and other keys keep theirs", async () => {
    const small = await makeKey({ scopes: ["read"], rateLimits: { query: 5 } });
    const other = await makeKey({ scopes: ["read"] });
    const mine = await burst(small, 15);
    const at = `${mine.passed} passed in ${mine.elapsedS.toFixed(3)} s`;
    expect(mine.passed, at).toBeGreaterThanOrEqual(5);
    expect(mine.passed, at).toBeLessThanOrEqual(5 + Math.floor((mine.elapsedS * 5) / windowS));
    const theirs = await burst(other, 10);
    expect(theirs.limited).toBe(0);
  });
});
