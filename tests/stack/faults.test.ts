import { describe, expect, it } from "vitest";
import { saveService, startService, stopService, waitReady } from "../../infra/local/stack.js";
import { sql } from "../../shared/db/sql.js";
import { uploadForm } from "../support/embedded-stack.js";
import { api, createCollection, directDb, makeKey, requestFrom, state, waitFor } from "./stack-client.js";
import { type LoadRoute, recoveredAt, type Sample, steadyLoad, trailingSuccesses } from "./steady-load.js";
import { storeConsistency } from "./store-consistency.js";

/** How long each dependency stays down, and the longest any answer may take meanwhile. */
const OUTAGE_MS = 20_000;
const ANSWER_BOUND_MS = 12_000; // OUTBOUND_TIMEOUT_MS (10 s) and a margin
const RECOVERY_BOUND_MS = 30_000;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const ok = (s: Sample) => s.status >= 200 && s.status < 300;

/** The load's routes: queries of both kinds, a listing, uploads and liveness, all through Nginx. */
function loadRoutes(collection: string, tag: string): LoadRoute[] {
  const json = { "content-type": "application/json" };
  const query = (mode: string) => (n: number) => ({
    method: "POST",
    path: "/query",
    headers: json,
    // A new question each time: a repeated one would come from the query cache.
    body: JSON.stringify({ collection_id: collection, query: `harbour ferry ${tag} ${n}`, mode }),
  });
  return [
    { name: "query-keyword", loops: 2, pauseMs: 150, request: query("keyword") },
    { name: "query-vector", loops: 2, pauseMs: 150, request: query("vector") },
    {
      name: "list",
      loops: 2,
      pauseMs: 150,
      request: () => ({ method: "GET", path: `/documents?collection_id=${collection}&limit=5` }),
    },
    {
      name: "upload",
      loops: 2,
      pauseMs: 1100,
      request: (n) => ({
        method: "POST",
        path: "/documents",
        body: uploadForm(collection, {
          name: `${tag}-${n}.txt`,
          bytes: `Notice ${n} written during the ${tag} fault test: the harbour ferry timetable changes.`,
        }),
      }),
    },
    { name: "live", loops: 1, pauseMs: 150, request: () => ({ method: "GET", path: "/health" }) },
  ];
}

interface Fault {
  service: string;
  /** PostgreSQL's fast shutdown (SIGINT): its smart one would wait for PgBouncer's sessions. */
  signal?: NodeJS.Signals;
  /** Routes that need the service: they may answer 503 while it is down (and must, some). */
  affected: string[];
  /** The breaker that must be open at the end of the outage, and the function holding it. */
  breaker?: { dependency: string; fn: string };
}

const faults: Fault[] = [
  {
    service: "postgres",
    signal: "SIGINT",
    affected: ["query-keyword", "query-vector", "list", "upload"],
    breaker: { dependency: "PostgreSQL", fn: "query" },
  },
  // Rate limits fail open and the query cache is skipped: nothing needs Redis to answer.
  { service: "redis", affected: [] },
  { service: "minio", affected: ["upload"], breaker: { dependency: "The object store", fn: "upload" } },
  { service: "chroma", affected: ["query-vector"], breaker: { dependency: "The vector store", fn: "query" } },
];

async function seededCollection(key: string): Promise<string> {
  const collection = await createCollection();
  const up = await api("/documents", {
    method: "POST",
    headers: { authorization: `Bearer ${key}` },
    body: uploadForm(collection, {
      name: "seed.txt",
      bytes: "The harbour ferry leaves every forty minutes.",
    }),
  });
  expect(up.status).toBe(201);
  await waitFor("the seed document to be indexed", async () => {
    const s = await api<{ counts: { indexed: number } }>(`/index/status?collection_id=${collection}`);
    return s.body.counts.indexed === 1 ? true : undefined;
  });
  return collection;
}

/**
 * Every replica's breakers closed before a fault starts: the one before may have left a replica
 * half-open, and a breaker closes only on a call that succeeds. Each replica is sent requests
 * that use PostgreSQL, MinIO-free routes and Chroma until its /metrics shows every breaker at 0.
 */
async function settled(key: string, collection: string): Promise<void> {
  const auth = { authorization: `Bearer ${key}`, "content-type": "application/json" };
  const pokes: Record<string, (base: string) => Promise<unknown>> = {
    query: (base) =>
      fetch(`${base}/query`, {
        method: "POST",
        headers: auth,
        body: JSON.stringify({ collection_id: collection, query: `settle ${Math.random()}`, mode: "hybrid" }),
      }),
    upload: (base) => fetch(`${base}/documents?collection_id=${collection}`, { headers: auth }),
    index: (base) => fetch(`${base}/index/status?collection_id=${collection}`, { headers: auth }),
  };
  await waitFor(
    "every replica's breakers to close",
    async () => {
      let open = 0;
      for (const [fn, poke] of Object.entries(pokes))
        for (const base of state.functions[fn] ?? []) {
          await poke(base).catch(() => {});
          const text = await fetch(`${base}/metrics`).then((r) => r.text());
          open += text.split("\n").filter((l) => /^docstack_breaker_state\{.*\} [12]$/.test(l)).length;
        }
      return open === 0 ? true : undefined;
    },
    30_000,
  );
}

async function drained(collection: string): Promise<void> {
  const db = directDb();
  try {
    await waitFor(
      "the index queue to drain",
      async () => {
        const [row] = await db.query<{ n: number }>(sql`
          select count(*)::int as n from documents
          where collection_id = ${collection} and deleted_at is null and index_status in ('pending', 'indexing')`);
        return row?.n === 0 ? true : undefined;
      },
      60_000,
    );
  } finally {
    await db.close();
  }
}

/** docstack_breaker_state of a dependency on each replica of a function (2: open). */
async function breakerState(fn: string, dependency: string): Promise<number[]> {
  const states: number[] = [];
  for (const replica of state.functions[fn] ?? []) {
    const text = await fetch(`${replica}/metrics`).then((r) => r.text());
    const line = text
      .split("\n")
      .find((l) => l.startsWith(`docstack_breaker_state{dependency="${dependency}"}`));
    states.push(Number(line?.split(" ").pop()));
  }
  return states;
}

function summary(samples: Sample[], route: string, from: number, to: number): string {
  const mine = samples.filter((s) => s.route === route && s.at >= from && s.at < to);
  const counts = new Map<number, number>();
  for (const s of mine) counts.set(s.status, (counts.get(s.status) ?? 0) + 1);
  const ms = mine.map((s) => s.ms).sort((a, b) => a - b);
  const status = [...counts].map(([k, v]) => `${v}×${k}`).join(" ");
  return `${route}: ${status || "none"} (max ${ms[ms.length - 1] ?? 0} ms)`;
}

describe("dependency outages under a steady load, through Nginx", () => {
  for (const fault of faults) {
    it(`${fault.service} stopped for ${OUTAGE_MS / 1000} s: 503 + Retry-After where it is needed, the rest serves, nothing half-written, recovery without restarts`, async () => {
      const key = await makeKey({
        scopes: ["read", "write"],
        rateLimits: { query: 100_000, upload: 100_000, default: 100_000 },
      });
      const collection = await seededCollection(key);
      await settled(key, collection);
      const service = state.services[fault.service];
      if (service === undefined) throw new Error(`no ${fault.service} in the stack state`);
      const pids = Object.fromEntries(Object.entries(state.services).map(([n, s]) => [n, s.pid]));

      const load = steadyLoad(loadRoutes(collection, fault.service), key);
      let downAt = 0;
      let upAt = 0;
      let samples: Sample[] = [];
      let breakerStates: number[] = [];
      try {
        await sleep(3000);
        downAt = Date.now();
        await stopService(service, fault.signal);
        await sleep(OUTAGE_MS - (Date.now() - downAt));
        // Failing fast by now: every replica of the function that needs it has opened its breaker.
        if (fault.breaker) breakerStates = await breakerState(fault.breaker.fn, fault.breaker.dependency);
      } finally {
        startService(service);
        saveService(service);
        await waitReady(service);
        upAt = Date.now();
        // Every route answering again, a few times in a row, or the recovery bound passed.
        const routes = loadRoutes(collection, fault.service).map((r) => r.name);
        const deadline = upAt + RECOVERY_BOUND_MS + 5000;
        while (Date.now() < deadline && routes.some((r) => trailingSuccesses(load.samples, r) < 5))
          await sleep(250);
        samples = await load.stop();
      }

      const routes = [...new Set(samples.map((s) => s.route))];
      const report = routes.map((r) => summary(samples, r, downAt, upAt)).join("; ");
      const recovery = Object.fromEntries(fault.affected.map((r) => [r, recoveredAt(samples, r, upAt)]));
      console.log(
        `fault ${fault.service}: ${samples.length} requests; while down: ${report}; recovered (ms after return): ${JSON.stringify(
          Object.fromEntries(
            Object.entries(recovery).map(([r, t]) => [r, t === undefined ? null : Math.max(0, t - upAt)]),
          ),
        )}`,
      );

      // No answer but 2xx or 503, none missing, none slow; every 503 a problem with Retry-After,
      // from the function itself (Nginx's own 503 would mean the function was unreachable).
      const bad = samples.filter((s) => !ok(s) && s.status !== 503);
      expect(bad.slice(0, 5), "answers other than 2xx/503").toEqual([]);
      expect(Math.max(...samples.map((s) => s.ms))).toBeLessThan(ANSWER_BOUND_MS);
      for (const s of samples.filter((x) => x.status === 503)) {
        expect(Number(s.retryAfter), JSON.stringify(s)).toBeGreaterThanOrEqual(1);
        expect(s.contentType).toContain("application/problem+json");
        expect(s.body).not.toContain("The function is not reachable");
      }
      // Before the fault, everything served.
      expect(samples.filter((s) => s.at + s.ms < downAt && !ok(s))).toEqual([]);
      // While it was down: the routes that do not need it served throughout; those that do
      // answered 503 (at least once each: the outage was noticed, not hidden by luck).
      for (const route of routes) {
        const during = samples.filter((s) => s.route === route && s.at >= downAt && s.at + s.ms < upAt);
        expect(during.length, `${route} was exercised during the outage`).toBeGreaterThan(0);
        if (fault.affected.includes(route))
          expect(
            during.some((s) => s.status === 503),
            route,
          ).toBe(true);
        else expect(during.filter((s) => !ok(s)).slice(0, 3), route).toEqual([]);
      }
      if (fault.breaker) {
        expect(breakerStates.length).toBe(state.functions[fault.breaker.fn]?.length);
        expect(
          breakerStates.every((s) => s === 2),
          `breaker states ${breakerStates}`,
        ).toBe(true);
      }
      // Back within the bound, each affected route, and nothing restarted but the service.
      for (const [route, at] of Object.entries(recovery)) {
        expect(at, `${route} recovered`).toBeDefined();
        expect((at ?? Number.POSITIVE_INFINITY) - upAt, route).toBeLessThan(RECOVERY_BOUND_MS);
      }
      if (fault.service === "redis") {
        // Limits failed open while Redis was away; once it is back they hold again.
        const limited = await makeKey({ scopes: ["read"], rateLimits: { query: 3 } });
        const at = await waitFor(
          "rate limits to be enforced again",
          async () => {
            const statuses: number[] = [];
            for (let i = 0; i < 5; i++) {
              const r = await api("/query", {
                method: "POST",
                headers: { authorization: `Bearer ${limited}`, "content-type": "application/json" },
                body: JSON.stringify({ collection_id: collection, query: `limit ${i}`, mode: "keyword" }),
              });
              statuses.push(r.status);
            }
            return statuses.includes(429) ? Date.now() : undefined;
          },
          RECOVERY_BOUND_MS,
        );
        console.log(`fault redis: limits enforced again ${at - upAt} ms after Redis returned`);
      }
      for (const [name, pid] of Object.entries(pids))
        if (name !== fault.service) expect(state.services[name]?.pid, name).toBe(pid);

      if (fault.service === "postgres") {
        // A burst needs more server connections than the steady load did. PgBouncer 1.18 (Debian
        // 12) remembers the login refused while PostgreSQL was shutting down and fails clients
        // fast when no server connection is free, until a new login succeeds: the burst may meet
        // that once, and must pass within the recovery bound.
        let bursts = 0;
        const at = await waitFor(
          "a burst of 60 concurrent listings to pass",
          async () => {
            bursts++;
            const statuses = await Promise.all(
              Array.from({ length: 60 }, (_, i) =>
                requestFrom(
                  `127.0.6.${i + 1}`,
                  `/documents?collection_id=${collection}&limit=5`,
                  { method: "GET" },
                  key,
                ).then((r) => r.status),
              ),
            );
            return statuses.every((s) => s === 200) ? Date.now() : undefined;
          },
          RECOVERY_BOUND_MS,
        );
        expect(at - upAt).toBeLessThan(RECOVERY_BOUND_MS);
        console.log(
          `fault postgres: a 60-request burst passed ${at - upAt} ms after the return (${bursts} burst(s))`,
        );
      }
      // The next test starts from a settled stack, whatever this one left half-open.
      await settled(key, collection);

      // Nothing half-written: every accepted upload is stored, indexed once, and nothing else.
      await drained(collection);
      const check = await storeConsistency([collection]);
      const accepted = samples.filter((s) => s.route === "upload" && s.status === 201).length;
      expect(check.problems).toEqual([]);
      expect(check.documents).toBe(accepted + 1);
      console.log(
        `fault ${fault.service}: ${accepted} uploads accepted; stores agree: ${check.documents} rows, ${check.chunks} chunks, ${check.vectors} vectors`,
      );
    }, 150_000);
  }
});
