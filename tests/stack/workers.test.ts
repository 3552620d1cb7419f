import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { uploadForm } from "../support/embedded-stack.js";
import { api, createCollection, json, state, waitFor } from "./stack-client.js";
import { startWranglerDev, type WranglerDev } from "./wrangler-dev.js";

/*
 * The Workers entries under workerd (`wrangler dev`), against the local stack: postgres.js over
 * cloudflare:sockets through PgBouncer, MinIO and Chroma over fetch. Documents are written and
 * indexed by the Node functions behind Nginx; the Workers only read, as a mixed deployment would.
 */

interface Ready {
  status: string;
  down: string[];
  checks: Record<string, { status: string; adapter: string }>;
}

interface Passage {
  document_id: string;
  chunk_index: number;
}

/** The stack's settings that apply on Workers; the rest (Redis, disk, worker loop) cannot. */
function workerVars(): Record<string, string> {
  const keys = [
    "DB_DRIVER",
    "DATABASE_URL",
    "DB_PGBOUNCER",
    "OBJECT_STORE",
    "S3_ENDPOINT",
    "S3_ACCESS_KEY",
    "S3_SECRET_KEY",
    "S3_BUCKET",
    "VECTOR_STORE",
    "CHROMA_URL",
    "CHROMA_TOKEN",
    "EMBEDDER",
  ];
  const vars: Record<string, string> = {};
  for (const key of keys) {
    const value = state.functionEnv[key];
    if (value === undefined) throw new Error(`${key} is missing from the stack's functionEnv`);
    vars[key] = value;
  }
  // As deployed (wrangler.toml): no limiter on Workers, which the Worker must say at startup.
  // info rather than the stack's level, so the output shows the adapters the Worker started with.
  return { ...vars, RATE_LIMITER: "off", LOG_LEVEL: "info" };
}

type WorkerName = "health" | "query" | "index";
const workers: Partial<Record<WorkerName, WranglerDev>> = {};

function worker(name: WorkerName): WranglerDev {
  const dev = workers[name];
  if (dev === undefined) throw new Error(`wrangler dev (${name}) did not start`);
  return dev;
}

beforeAll(async () => {
  // One at a time: two bundling wranglers at once on a small CI machine only slow each other down.
  for (const name of ["health", "query", "index"] as const) {
    const dev = await startWranglerDev({ fn: name, vars: workerVars() });
    workers[name] = dev;
    console.info(`wrangler dev (${name}) ready in ${dev.readyMs} ms at ${dev.url}`);
  }
});

afterAll(async () => {
  await Promise.all(Object.values(workers).map((dev) => dev.stop()));
});

/** The Worker's own log lines reach wrangler's stdout asynchronously; give them a moment. */
async function expectLogged(dev: WranglerDev, pattern: RegExp): Promise<void> {
  await waitFor(
    `${pattern} in the Worker's output`,
    async () => (pattern.test(dev.output()) ? true : undefined),
    10_000,
  ).catch(() => {
    throw new Error(`expected ${pattern} in the Worker's output:\n${dev.output()}`);
  });
}

describe.each(["health", "query", "index"] as const)("%s under wrangler dev", (name) => {
  it("started on workerd and logged that rate limiting is disabled, and why", async () => {
    await expectLogged(
      worker(name),
      /"level":"warn","msg":"rate limiting disabled on Workers: RATE_LIMITER=off"/,
    );
    await expectLogged(
      worker(name),
      new RegExp(`"msg":"function ready","function":"${name}","runtime":"workers"`),
    );
  });
});

describe("health under wrangler dev", () => {
  it("answers liveness", async () => {
    const r = await api("/health", undefined, worker("health").url);
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ status: "ok" });
  });

  it("reports every dependency up, request after request (each opens its own connection)", async () => {
    // A connection kept across requests would fail from the second one on, under workerd.
    for (let i = 0; i < 6; i++) {
      const r = await api<Ready>("/health/ready", undefined, worker("health").url);
      expect(r.status, `request ${i + 1}: ${JSON.stringify(r.body)}`).toBe(200);
      expect(r.body.checks).toMatchObject({
        database: { status: "up", adapter: "postgres" },
        objects: { status: "up", adapter: "minio" },
        vectors: { status: "up", adapter: "chroma" },
        ratelimit: { status: "up", adapter: "off" },
      });
    }
  });
});

describe("query under wrangler dev", () => {
  it("finds a document indexed by the stack in every mode, as the Node replicas do", async () => {
    const collection = await createCollection();
    const files = [
      { name: "grants.txt", bytes: "Applications for heritage grants close on the first of March.\n" },
      { name: "ferry.txt", bytes: "The harbour ferry leaves every forty minutes from the north pier.\n" },
    ];
    const ids: string[] = [];
    for (const file of files) {
      const r = await api<{ document: { id: string } }>("/documents", {
        method: "POST",
        body: uploadForm(collection, { ...file, type: "text/plain" }),
      });
      expect(r.status, JSON.stringify(r.body)).toBe(201);
      ids.push(r.body.document.id);
    }
    await waitFor("the stack's worker to index both documents", async () => {
      const s = await api<{ counts: { indexed: number } }>(`/index/status?collection_id=${collection}`);
      return s.body.counts.indexed === files.length ? true : undefined;
    });

    for (const mode of ["hybrid", "vector", "keyword"]) {
      const body = { collection_id: collection, query: "when do heritage grant applications close", mode };
      const onWorker = await api<{ results: Passage[]; mode: string }>(
        "/query",
        json("POST", body),
        worker("query").url,
      );
      expect(onWorker.status, `${mode}: ${JSON.stringify(onWorker.body)}`).toBe(200);
      expect(onWorker.body.mode).toBe(mode);
      expect(onWorker.body.results[0]?.document_id, mode).toBe(ids[0]);
      // Runtime parity: the same ranking as the Node replicas behind Nginx.
      const onNode = await api<{ results: Passage[] }>("/query", json("POST", body));
      const ranking = (results: Passage[]) => results.map((p) => `${p.document_id}#${p.chunk_index}`);
      expect(ranking(onWorker.body.results), mode).toEqual(ranking(onNode.body.results));
    }
  });

  it("records each query's analytics event after answering, over the request's own connection", async () => {
    await expectLogged(worker("query"), /"analytics":"after-response"/);
    const collection = await createCollection();
    for (const query of ["ferry", "grants", "airship"]) {
      const r = await api(
        "/query",
        json("POST", { collection_id: collection, query, mode: "keyword" }),
        worker("query").url,
      );
      expect(r.status, JSON.stringify(r.body)).toBe(200);
    }
    // Read back through the Node analytics function behind Nginx; waitUntil writes after the answer.
    await waitFor("the Worker's three query events", async () => {
      const r = await api<{ queries: number }>(`/analytics/retrieval?collection_id=${collection}`);
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      return r.body.queries === 3 ? true : undefined;
    });
  });

  it("serves MCP search on workerd", async () => {
    const collection = await createCollection();
    const r = await api<{ document: { id: string } }>("/documents", {
      method: "POST",
      body: uploadForm(collection, {
        name: "lighthouse.txt",
        bytes: "The lighthouse keeper winds the lamp clock at dusk.\n",
        type: "text/plain",
      }),
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    await waitFor("the stack's worker to index it", async () => {
      const s = await api<{ counts: { indexed: number } }>(`/index/status?collection_id=${collection}`);
      return s.body.counts.indexed === 1 ? true : undefined;
    });
    const client = new Client({ name: "workers-test", version: "1.0.0" });
    await client.connect(
      new StreamableHTTPClientTransport(new URL(`${worker("query").url}/mcp`), {
        requestInit: { headers: { authorization: `Bearer ${state.apiKey}` } },
      }),
    );
    try {
      const result = (await client.callTool({
        name: "search",
        arguments: { collection_id: collection, query: "who winds the lamp clock" },
      })) as CallToolResult;
      expect(result.isError, JSON.stringify(result.content)).toBeFalsy();
      const results = (result.structuredContent as { results: Passage[] }).results;
      expect(results[0]?.document_id).toBe(r.body.document.id);
    } finally {
      await client.close();
    }
  });

  it("answers 404 problem+json for an unknown collection", async () => {
    const r = await api<{ code: string; status: number }>(
      "/query",
      json("POST", { collection_id: crypto.randomUUID(), query: "anything" }),
      worker("query").url,
    );
    expect(r.status).toBe(404);
    expect(r.headers.get("content-type")).toMatch(/^application\/problem\+json/);
    expect(r.body).toMatchObject({ code: "not_found", status: 404 });
  });

  it("answers 422 for top_k 0", async () => {
    const r = await api<{ code: string; errors: { path: string }[] }>(
      "/query",
      json("POST", { collection_id: crypto.randomUUID(), query: "anything", top_k: 0 }),
      worker("query").url,
    );
    expect(r.status).toBe(422);
    expect(r.headers.get("content-type")).toMatch(/^application\/problem\+json/);
    expect(r.body.code).toBe("validation_failed");
    expect(r.body.errors.map((e) => e.path)).toContain("top_k");
  });
});

describe("index under wrangler dev", () => {
  it("says which formats it reads: its bundle has no PDF or image reader", async () => {
    const r = await api<{ runtime: string; formats: { format: string; read_here: boolean }[] }>(
      "/index/formats",
      undefined,
      worker("index").url,
    );
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.runtime).toBe("workers");
    const readHere = r.body.formats.filter((f) => f.read_here).map((f) => f.format);
    expect(readHere).toEqual(
      expect.arrayContaining(["txt", "md", "html", "csv", "docx", "xlsx", "pptx", "eml"]),
    );
    for (const kind of ["pdf", "png", "jpeg", "tiff"]) expect(readHere).not.toContain(kind);
  });
});
