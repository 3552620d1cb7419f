import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiKey, revokeApiKey } from "../../shared/auth/api-keys.js";
import { sql } from "../../shared/db/sql.js";
import { declaredRoutes } from "../../shared/http/route-policy.js";
import { functionNames } from "../../shared/http/route-table.js";
import { functionDocument } from "../../tools/openapi-document.js";
import { type EmbeddedStack, startEmbeddedStack, uploadForm } from "../support/embedded-stack.js";

let stack: EmbeddedStack;
const keys: Record<string, string> = {};
let a: string; // the collection the requests aim at
let b: string; // another one
let docA: string;

const headers = (key?: string, json = false): Record<string, string> => ({
  ...(key === undefined ? {} : { authorization: `Bearer ${key}` }),
  ...(json ? { "content-type": "application/json" } : {}),
});

beforeAll(async () => {
  stack = await startEmbeddedStack();
  // Made while the install has no keys (anonymous), as an operator's first steps would be.
  a = await stack.createCollection();
  b = await stack.createCollection();
  const up = await stack.json<{ document: { id: string } }>("/documents", {
    method: "POST",
    body: uploadForm(a, { name: "a.txt", bytes: "The ferry leaves every forty minutes." }),
  });
  docA = up.body.document.id;
  await stack.indexAll();
  const db = stack.deps.db;
  keys.admin = (await createApiKey(db, { name: "admin", scopes: ["admin"] })).key;
  keys.full = (await createApiKey(db, { name: "full", scopes: ["read", "write"] })).key;
  keys.reader = (await createApiKey(db, { name: "reader", scopes: ["read"] })).key;
  keys.writerA = (
    await createApiKey(db, { name: "writer-a", scopes: ["read", "write"], collections: [a] })
  ).key;
  keys.otherB = (
    await createApiKey(db, { name: "other-b", scopes: ["read", "write"], collections: [b] })
  ).key;
  keys.revoked = (await createApiKey(db, { name: "revoked", scopes: ["admin"] })).key;
  await revokeApiKey(db, "revoked");
});
afterAll(() => stack.close());

interface RouteCase {
  name: string;
  scope: "read" | "write" | "admin" | "any";
  /** Aims at collection A (so a key for B is refused). */
  inA: boolean;
  /**
   * Names a document of A by id: a key for B gets 404, exactly as for a document that does
   * not exist, so it cannot learn that this one does (403 when it names the collection).
   */
  byDocumentId?: true;
  /** Answers errors as Dify's External Knowledge API does ({error_code, error_msg}), not problem+json. */
  dify?: true;
  request: () => [string, RequestInit & { headers?: Record<string, string> }];
}

const routes: RouteCase[] = [
  { name: "GET /auth/whoami", scope: "any", inA: false, request: () => ["/auth/whoami", {}] },
  { name: "GET /collections", scope: "read", inA: false, request: () => ["/collections", {}] },
  { name: "GET /collections/{id}", scope: "read", inA: true, request: () => [`/collections/${a}`, {}] },
  {
    name: "POST /collections",
    scope: "write",
    inA: true,
    request: () => [
      "/collections",
      { method: "POST", body: JSON.stringify({ name: `x-${crypto.randomUUID()}` }) },
    ],
  },
  { name: "GET /documents", scope: "read", inA: true, request: () => [`/documents?collection_id=${a}`, {}] },
  {
    name: "POST /documents",
    scope: "write",
    inA: true,
    request: () => [
      "/documents",
      { method: "POST", body: uploadForm(a, { name: "n.txt", bytes: "New text." }) },
    ],
  },
  {
    name: "GET /documents/{id}",
    scope: "read",
    inA: true,
    byDocumentId: true,
    request: () => [`/documents/${docA}`, {}],
  },
  {
    name: "GET /documents/{id}/text",
    scope: "read",
    inA: true,
    byDocumentId: true,
    request: () => [`/documents/${docA}/text`, {}],
  },
  {
    name: "GET /documents/{id}/download-url",
    scope: "read",
    inA: true,
    byDocumentId: true,
    request: () => [`/documents/${docA}/download-url`, {}],
  },
  {
    name: "PATCH /documents/{id}",
    scope: "write",
    inA: true,
    byDocumentId: true,
    request: () => [
      `/documents/${docA}`,
      { method: "PATCH", body: JSON.stringify({ metadata: { edited: true }, filename: "edited.txt" }) },
    ],
  },
  {
    name: "DELETE /documents/{id}",
    scope: "write",
    inA: true,
    byDocumentId: true,
    request: () => [`/documents/${docA}`, { method: "DELETE" }],
  },
  {
    name: "POST /documents/{id}/reindex",
    scope: "write",
    inA: true,
    byDocumentId: true,
    request: () => [`/documents/${docA}/reindex`, { method: "POST" }],
  },
  {
    name: "GET /index/status",
    scope: "read",
    inA: true,
    request: () => [`/index/status?collection_id=${a}`, {}],
  },
  {
    name: "POST /index/run",
    scope: "write",
    inA: true,
    request: () => ["/index/run", { method: "POST", body: JSON.stringify({ collection_id: a }) }],
  },
  {
    name: "POST /query",
    scope: "read",
    inA: true,
    request: () => ["/query", { method: "POST", body: JSON.stringify({ collection_id: a, query: "ferry" }) }],
  },
  {
    name: "POST /retrieval",
    scope: "read",
    inA: true,
    dify: true,
    request: () => [
      "/retrieval",
      {
        method: "POST",
        body: JSON.stringify({
          knowledge_id: a,
          query: "ferry",
          retrieval_setting: { top_k: 3, score_threshold: 0 },
        }),
      },
    ],
  },
  {
    // The key's collections limit the tools, not the endpoint: a key for B connects and lists tools.
    name: "POST /mcp",
    scope: "read",
    inA: false,
    request: () => [
      "/mcp",
      { method: "POST", body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "tools/list" }) },
    ],
  },
  {
    name: "POST /query/{query_id}/feedback",
    scope: "read",
    inA: true,
    request: () => [
      `/query/${crypto.randomUUID()}/feedback`,
      { method: "POST", body: JSON.stringify({ collection_id: a, helpful: true }) },
    ],
  },
  { name: "GET /backups/status", scope: "read", inA: false, request: () => ["/backups/status", {}] },
  { name: "GET /index/formats", scope: "read", inA: false, request: () => ["/index/formats", {}] },
  {
    name: "POST /backups/run",
    scope: "admin",
    inA: false,
    request: () => ["/backups/run", { method: "POST" }],
  },
  { name: "GET /audit", scope: "admin", inA: false, request: () => ["/audit", {}] },
  ...["retrieval", "documents", "queries", "timeseries"].map(
    (view): RouteCase => ({
      name: `GET /analytics/${view}`,
      scope: "read",
      inA: true,
      request: () => [`/analytics/${view}?collection_id=${a}`, {}],
    }),
  ),
];

async function send(route: RouteCase, key: string | undefined, via: "bearer" | "x-api-key" = "bearer") {
  const [path, init] = route.request();
  const isJson = typeof init.body === "string";
  const h =
    via === "bearer"
      ? headers(key, isJson)
      : { ...headers(undefined, isJson), ...(key ? { "x-api-key": key } : {}) };
  const response = await stack.request(path, { ...init, headers: h });
  const body = (await response.json()) as { code?: string; requestId?: string; error_code?: number };
  return { status: response.status, body, type: response.headers.get("content-type") ?? "" };
}

async function state() {
  const db = stack.deps.db;
  const [row] = await db.query<Record<string, number>>(sql`select
    (select count(*)::int from collections) as collections,
    (select count(*)::int from documents where deleted_at is null) as documents,
    (select count(*)::int from documents where index_status = 'pending') as pending,
    (select count(*)::int from audit_logs) as audit`);
  return { ...row, ...(await stack.counts()) };
}

describe("API keys: every route x every wrong credential", () => {
  it("covers every protected route", () => {
    for (const name of functionNames) functionDocument(name);
    const protectedRoutes = declaredRoutes
      .filter((r) => r.policy.access.kind === "key")
      .map((r) => `${r.method.toUpperCase()} ${r.path}`);
    expect(routes.map((r) => r.name).sort()).toEqual(protectedRoutes.sort());
  });

  it("answers 401 or 403 problem+json and changes nothing", async () => {
    const before = await state();
    const failures: string[] = [];
    for (const route of routes) {
      const attempts: [string, string | undefined, number, "bearer" | "x-api-key"][] = [
        ["no key", undefined, 401, "bearer"],
        ["wrong key", "dsk_not-a-key", 401, "bearer"],
        ["wrong key in X-API-Key", "dsk_not-a-key", 401, "x-api-key"],
        ["revoked key", keys.revoked, 401, "bearer"],
      ];
      if (route.scope !== "read" && route.scope !== "any")
        attempts.push(["read-only key", keys.reader, 403, "bearer"]);
      if (route.scope === "admin") attempts.push(["read+write key", keys.full, 403, "x-api-key"]);
      if (route.inA)
        attempts.push(["key for another collection", keys.otherB, route.byDocumentId ? 404 : 403, "bearer"]);
      for (const [what, key, expected, via] of attempts) {
        const r = await send(route, key, via);
        const shaped = route.dify
          ? r.type.startsWith("application/json") && [1001, 1002].includes(Number(r.body.error_code))
          : r.type.includes("application/problem+json") && Boolean(r.body.requestId);
        if (r.status !== expected || !shaped) {
          failures.push(`${route.name} with ${what}: ${r.status} ${JSON.stringify(r.body)}`);
        }
      }
    }
    expect(failures).toEqual([]);
    expect(await state()).toEqual(before);
  });

  it("lets the right keys through, and a collection key only into its collection", async () => {
    const asA = await send(routes.find((r) => r.name === "POST /query") as RouteCase, keys.writerA);
    expect(asA.status).toBe(200);
    const list = await stack.json<{ items: { id: string }[]; total: number }>("/collections", {
      headers: headers(keys.writerA),
    });
    expect(list.body.items.map((c) => c.id)).toEqual([a]);
    const all = await stack.json<{ total: number }>("/collections", { headers: headers(keys.reader) });
    expect(all.body.total).toBeGreaterThanOrEqual(2);
    // Listing documents without a collection lists only the key's collections.
    const docs = await stack.json<{ items: { collection_id: string }[] }>("/documents", {
      headers: headers(keys.otherB),
    });
    expect(docs.body.items.every((d) => d.collection_id === b)).toBe(true);
    // Operations over every collection need an unrestricted key.
    expect((await stack.json("/index/status", { headers: headers(keys.writerA) })).status).toBe(403);
    expect((await stack.json("/index/status", { headers: headers(keys.reader) })).status).toBe(200);
  });

  it("records the key's name on the document and in the audit log", async () => {
    const r = await stack.json<{
      document: { id: string; api_key_name: string | null; created_by: string | null };
    }>("/documents", {
      method: "POST",
      headers: headers(keys.writerA),
      body: uploadForm(a, { name: "k.txt", bytes: "Uploaded with a collection key." }),
    });
    expect(r.status).toBe(201);
    const [row] = await stack.deps.db.query<{ api_key_name: string; created_by: string }>(
      sql`select api_key_name, created_by from documents where id = ${r.body.document.id}`,
    );
    expect(row).toEqual({ api_key_name: "writer-a", created_by: "writer-a" });
    const [log] = await stack.deps.db.query<{ actor: string }>(
      sql`select actor from audit_logs where action = 'document.upload' and target = ${r.body.document.id}`,
    );
    expect(log?.actor).toBe("writer-a");
  });

  it("keeps the public probes and signed links public", async () => {
    expect((await stack.request("/health")).status).toBe(200);
    expect([200, 503]).toContain((await stack.request("/health/ready")).status);
    const link = await stack.json<{ url: string }>(`/documents/${docA}/download-url`, {
      headers: headers(keys.reader),
    });
    const path = new URL(link.body.url).pathname + new URL(link.body.url).search;
    expect((await stack.request(path)).status).toBe(200);
  });
});
