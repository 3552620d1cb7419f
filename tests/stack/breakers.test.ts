import { describe, expect, it } from "vitest";
import { saveService, startService, stopService, waitReady } from "../../infra/local/stack.js";
import { sql } from "../../shared/db/sql.js";
import { uploadForm } from "../support/embedded-stack.js";
import { api, createCollection, directDb, makeKey, state, waitFor } from "./stack-client.js";

describe("circuit breakers on the real stack", () => {
  it("Chroma down: vector queries fail fast with 503 + Retry-After, keyword queries go on, and all recovers without a restart", async () => {
    const key = await makeKey({ scopes: ["read", "write"], rateLimits: { query: 10_000 } });
    const auth = { authorization: `Bearer ${key}`, "content-type": "application/json" };
    const collection = await createCollection();
    const up = await api("/documents", {
      method: "POST",
      headers: { authorization: `Bearer ${key}` },
      body: uploadForm(collection, {
        name: "ferry.txt",
        bytes: "The harbour ferry leaves every forty minutes.",
      }),
    });
    expect(up.status).toBe(201);
    await waitFor("indexing", async () => {
      const s = await api<{ counts: { indexed: number } }>(`/index/status?collection_id=${collection}`);
      return s.body.counts.indexed === 1 ? true : undefined;
    });
    // A new question each time: a repeated one would be answered from the query cache.
    let asked = 0;
    const query = (mode: string, base?: string) =>
      api(
        "/query",
        {
          method: "POST",
          headers: auth,
          body: JSON.stringify({ collection_id: collection, query: `ferry ${++asked}`, mode }),
        },
        base,
      );
    expect((await query("vector")).status).toBe(200);

    const chroma = state.services.chroma;
    if (chroma === undefined) throw new Error("no chroma in the stack state");
    const pids = Object.fromEntries(Object.entries(state.services).map(([n, s]) => [n, s.pid]));
    await stopService(chroma);
    const timings: number[] = [];
    try {
      // Both query replicas: each opens its own breaker after BREAKER_FAILURES failures.
      for (let i = 0; i < 10; i++) {
        const started = Date.now();
        const r = await query("vector");
        timings.push(Date.now() - started);
        expect(r.status, JSON.stringify(r.body)).toBe(503);
        expect(Number(r.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
        expect(r.headers.get("content-type")).toContain("application/problem+json");
      }
      // Open breakers answer without trying Chroma at all.
      expect(Math.max(...timings.slice(-4))).toBeLessThan(200);
      const metrics = await fetch(`${state.functions.query?.[0]}/metrics`).then((r) => r.text());
      expect(metrics).toMatch(/docstack_breaker_state\{dependency="The vector store"\} 2/);
      // What does not need Chroma keeps working.
      expect((await query("keyword")).status).toBe(200);
      expect((await api(`/collections/${collection}`)).status).toBe(200);
    } finally {
      startService(chroma);
      saveService(chroma);
      await waitReady(chroma);
    }
    const back = Date.now();
    // Every query replica: each has its own breaker, and each must close it by itself.
    for (const replica of state.functions.query ?? []) {
      await waitFor(
        `vector queries on ${replica} to recover`,
        async () => ((await query("vector", replica)).status === 200 ? true : undefined),
        30_000,
      );
    }
    console.log(
      `breaker: answers while Chroma was down ${timings.join(", ")} ms; recovered ${Date.now() - back} ms after Chroma was back`,
    );
    for (const [name, pid] of Object.entries(pids))
      if (name !== "chroma") expect(state.services[name]?.pid).toBe(pid);
  });

  it("MinIO down: uploads fail fast with 503 + Retry-After and store nothing, queries go on, uploads recover", async () => {
    const key = await makeKey({ scopes: ["read", "write"], rateLimits: { upload: 10_000, query: 10_000 } });
    const collection = await createCollection();
    let n = 0;
    // Straight to the upload function: Nginx allows one upload a second per address, and this
    // test (with its recovery polling) would use up the address's budget for the next files.
    const upload = () =>
      api(
        "/documents",
        {
          method: "POST",
          headers: { authorization: `Bearer ${key}` },
          body: uploadForm(collection, {
            name: `n${++n}.txt`,
            bytes: `Notice number ${n} about the harbour.`,
          }),
        },
        state.functions.upload?.[0],
      );
    const minio = state.services.minio;
    if (minio === undefined) throw new Error("no minio in the stack state");
    const pids = Object.fromEntries(Object.entries(state.services).map(([name, s]) => [name, s.pid]));
    await stopService(minio);
    const timings: number[] = [];
    try {
      for (let i = 0; i < 6; i++) {
        const started = Date.now();
        const r = await upload();
        timings.push(Date.now() - started);
        expect(r.status, JSON.stringify(r.body)).toBe(503);
        expect(Number(r.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
      }
      const db = directDb();
      try {
        const [row] = await db.query<{ n: number }>(
          sql`select count(*)::int as n from documents where collection_id = ${collection}`,
        );
        expect(row?.n).toBe(0);
      } finally {
        await db.close();
      }
      const q = await api("/query", {
        method: "POST",
        headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
        body: JSON.stringify({ collection_id: collection, query: "harbour", mode: "keyword" }),
      });
      expect(q.status).toBe(200);
    } finally {
      startService(minio);
      saveService(minio);
      await waitReady(minio);
    }
    const back = Date.now();
    await waitFor(
      "uploads to recover",
      async () => ((await upload()).status === 201 ? true : undefined),
      30_000,
    );
    console.log(
      `breaker: uploads while MinIO was down answered in ${timings.join(", ")} ms; recovered ${Date.now() - back} ms after MinIO was back`,
    );
    for (const [name, pid] of Object.entries(pids))
      if (name !== "minio") expect(state.services[name]?.pid).toBe(pid);
  });
});
