import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { AjvJsonSchemaValidator } from "@modelcontextprotocol/sdk/validation/ajv-provider.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiKey } from "../../shared/auth/api-keys.js";
import { type Served, serveNode } from "../../shared/http/serve-node.js";
import { type EmbeddedStack, startEmbeddedStack, uploadText } from "../../tests/support/embedded-stack.js";
import { composeApps } from "../compose-apps.js";

let stack: EmbeddedStack;
let served: Served;
let collectionA: string;
let collectionB: string;
let collectionDoc: string;
const ids: Record<string, string> = {};
const keys: Record<"admin" | "readA" | "writeOnly", string> = { admin: "", readA: "", writeOnly: "" };
const clients: Client[] = [];

beforeAll(async () => {
  stack = await startEmbeddedStack();
  // Collections and documents first, while the install has no key and is open.
  collectionA = await stack.createCollection();
  collectionB = await stack.createCollection();
  ids.tax = await uploadText(
    stack,
    collectionA,
    "tax.csv",
    "form,deadline\nincome tax return,31 January\nvat return,7th of the month",
  );
  ids.bees = await uploadText(
    stack,
    collectionA,
    "bees.txt",
    "Honey bees pollinate orchards with a waggle dance.",
  );
  ids.secret = await uploadText(
    stack,
    collectionB,
    "secret.txt",
    "The income tax return of the board is private.",
  );
  // For the snippet in docs/mcp.md, which asks about objections.
  collectionDoc = await stack.createCollection();
  await uploadText(
    stack,
    collectionDoc,
    "objections.txt",
    "Objections to a planning application must be filed within 21 days of the notice.",
  );
  await stack.indexAll();
  const db = stack.deps.db;
  keys.admin = (await createApiKey(db, { name: "mcp-admin", scopes: ["admin"] })).key;
  keys.readA = (
    await createApiKey(db, { name: "mcp-read-a", scopes: ["read"], collections: [collectionA] })
  ).key;
  keys.writeOnly = (await createApiKey(db, { name: "mcp-write", scopes: ["write"] })).key;
  served = await serveNode(composeApps(stack.deps), stack.deps, 0);
});
afterAll(async () => {
  await Promise.all(clients.map((c) => c.close()));
  await served?.close();
  await stack?.close();
});

/** The official SDK's client over Streamable HTTP, through a real HTTP server. */
async function connect(key?: string): Promise<Client> {
  const client = new Client({ name: "docstack-test", version: "1.0.0" });
  const transport = new StreamableHTTPClientTransport(new URL(`${served.url}/mcp`), {
    requestInit: { headers: key === undefined ? {} : { authorization: `Bearer ${key}` } },
  });
  await client.connect(transport);
  clients.push(client);
  return client;
}

const textOf = (result: CallToolResult) =>
  result.content.map((c) => (c.type === "text" ? c.text : "")).join("");

async function call(client: Client, name: string, args: Record<string, unknown>) {
  return (await client.callTool({ name, arguments: args })) as CallToolResult;
}

interface SearchContent {
  query_id: string;
  mode: string;
  results: { document_id: string; filename: string; text: string; score: number; chunk_index: number }[];
}

describe("MCP at /mcp (stateless Streamable HTTP)", () => {
  it("lists the three tools with input schemas from the routes' and output schemas", async () => {
    const client = await connect(keys.readA);
    expect(client.getServerVersion()?.name).toBe("docstack");
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name).sort()).toEqual(["get_document", "list_collections", "search"]);
    const search = tools.find((t) => t.name === "search");
    expect(search?.inputSchema.required).toEqual(["collection_id", "query"]);
    expect(Object.keys(search?.inputSchema.properties ?? {}).sort()).toEqual(
      ["collection_id", "filter", "mode", "query", "rerank", "top_k"].sort(),
    );
    expect(search?.inputSchema.properties?.top_k).toMatchObject({ minimum: 1, maximum: 100, default: 5 });
    // The filter validates itself in zod; its JSON Schema is the contract's, made whole.
    const filter = search?.inputSchema.properties?.filter as {
      properties: Record<string, { type?: string }>;
    };
    expect(filter.properties.metadata?.type).toBe("object");
    expect(Object.keys(filter.properties)).toEqual(expect.arrayContaining(["$and", "$or", "upload_date"]));
    expect(JSON.stringify(search?.inputSchema)).not.toContain("#/components/");
    // A client checks arguments against it with the SDK's own validator (Ajv, draft-07).
    const validate = new AjvJsonSchemaValidator().getValidator(search?.inputSchema ?? {});
    const args = (filter: unknown) => ({ collection_id: collectionA, query: "tax", filter });
    expect(
      validate(args({ $or: [{ metadata: { year: { $gte: 2020 } } }, { filename: "a.txt" }] })).valid,
    ).toBe(true);
    expect(validate(args({ $or: [{ metadata: { year: { $gte: [] } } }] })).valid).toBe(false);
    expect(validate(args({ colour: "red" })).valid).toBe(false);
    for (const t of tools) {
      expect(t.outputSchema?.type).toBe("object");
      expect(t.annotations?.readOnlyHint).toBe(true);
    }
  });

  it("search answers as POST /query does, as citable text and structured content", async () => {
    const client = await connect(keys.readA);
    const args = { collection_id: collectionA, query: "when is the income tax return deadline" };
    const result = await call(client, "search", args);
    expect(result.isError).toBeFalsy();
    const structured = result.structuredContent as unknown as SearchContent;
    expect(structured.mode).toBe("hybrid");
    expect(structured.results[0]?.document_id).toBe(ids.tax);
    expect(structured.results[0]?.text).toContain("31 January");
    expect(textOf(result)).toMatch(
      /^\[1\] tax\.csv, rows? 1–?\d* \(document_id [0-9a-f-]{36}, chunk 0, score /,
    );
    expect(textOf(result)).toContain("31 January");

    const http = await stack.json<SearchContent>("/query", {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${keys.readA}` },
      body: JSON.stringify(args),
    });
    expect(structured.results.map((r) => [r.document_id, r.chunk_index, r.score])).toEqual(
      http.body.results.map((r) => [r.document_id, r.chunk_index, r.score]),
    );
  });

  it("search takes the route's mode, top_k and filter", async () => {
    const client = await connect(keys.readA);
    const result = await call(client, "search", {
      collection_id: collectionA,
      query: "bees tax",
      mode: "keyword",
      top_k: 1,
      filter: { filename: "bees.txt" },
    });
    const structured = result.structuredContent as unknown as SearchContent;
    expect(structured.mode).toBe("keyword");
    expect(structured.results.map((r) => r.filename)).toEqual(["bees.txt"]);
  });

  it("search takes the filter operators POST /query takes, and names a bad one's path", async () => {
    const client = await connect(keys.readA);
    const result = await call(client, "search", {
      collection_id: collectionA,
      query: "bees tax",
      mode: "keyword",
      filter: { $or: [{ filename: { $contains: "bees" } }, { filename: { $eq: "nothing.txt" } }] },
    });
    const structured = result.structuredContent as unknown as SearchContent;
    expect(structured.results.map((r) => r.filename)).toEqual(["bees.txt"]);
    const bad = await call(client, "search", {
      collection_id: collectionA,
      query: "bees",
      filter: { metadata: { year: { $gt: true } } },
    });
    expect(bad.isError).toBe(true);
    expect(textOf(bad)).toContain("filter.metadata.year.$gt");
  });

  it("list_collections shows only the collections the key may use", async () => {
    const limited = await call(await connect(keys.readA), "list_collections", {});
    const items = (limited.structuredContent as { items: { id: string }[] }).items;
    expect(items.map((c) => c.id)).toEqual([collectionA]);
    expect(textOf(limited)).toContain(`collection_id ${collectionA}`);
    const all = await call(await connect(keys.admin), "list_collections", { limit: 100 });
    const allIds = (all.structuredContent as { items: { id: string }[] }).items.map((c) => c.id);
    expect(allIds).toEqual(expect.arrayContaining([collectionA, collectionB]));
  });

  it("get_document returns metadata and a page of the extracted text", async () => {
    const result = await call(await connect(keys.readA), "get_document", { document_id: ids.tax });
    expect(result.isError).toBeFalsy();
    const structured = result.structuredContent as {
      document: { id: string; filename: string };
      text: { chunk_count: number; text: { text: string } | null };
    };
    expect(structured.document).toMatchObject({ id: ids.tax, filename: "tax.csv" });
    expect(structured.text.text?.text).toContain("31 January");
    expect(textOf(result)).toContain("tax.csv (text/csv");
  });

  it("a key limited to collection A cannot search B, nor read B's documents: tool errors", async () => {
    const client = await connect(keys.readA);
    const search = await call(client, "search", { collection_id: collectionB, query: "income tax return" });
    expect(search.isError).toBe(true);
    expect(textOf(search)).toMatch(/^forbidden \(403\): The API key "mcp-read-a" may not use collection /);
    expect(search.structuredContent).toBeUndefined();
    const read = await call(client, "get_document", { document_id: ids.secret });
    expect(read.isError).toBe(true);
    expect(textOf(read)).toMatch(/^not_found \(404\)/);
    expect(textOf(read)).not.toContain("private");
    // The same key through the HTTP route: the same refusal.
    const http = await stack.json<{ code: string }>("/query", {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${keys.readA}` },
      body: JSON.stringify({ collection_id: collectionB, query: "income tax return" }),
    });
    expect([http.status, http.body.code]).toEqual([403, "forbidden"]);
  });

  it.each([
    ["top_k 0", { query: "x", top_k: 0 }, "top_k"],
    ["a blank query", { query: "   " }, "query"],
    ["an unknown mode", { query: "x", mode: "magic" }, "mode"],
    ["a NUL in a filter", { query: "x", filter: { filename: "a\u0000" } }, "filter.filename"],
    ["rerank that is not a boolean", { query: "x", rerank: "yes" }, "rerank"],
    // Passed through to the use case, which refuses it on a server without a reranker.
    ["rerank on a server without a reranker", { query: "x", rerank: true }, "rerank"],
  ])("invalid arguments (%s) are a tool error naming the field", async (_name, args, path) => {
    const result = await call(await connect(keys.readA), "search", { collection_id: collectionA, ...args });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toContain("validation_failed (422)");
    expect(textOf(result)).toContain(`${path}:`);
  });

  it("no key: 401 with WWW-Authenticate, and the SDK client cannot connect", async () => {
    const response = await fetch(`${served.url}/mcp`, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json, text/event-stream" },
      body: JSON.stringify({
        jsonrpc: "2.0",
        id: 1,
        method: "initialize",
        params: { protocolVersion: "2025-06-18", capabilities: {}, clientInfo: { name: "x", version: "1" } },
      }),
    });
    expect(response.status).toBe(401);
    expect(response.headers.get("www-authenticate")).toBe('Bearer realm="docstack"');
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    await expect(connect()).rejects.toThrow(/401|Unauthorized/i);
    await expect(connect("dsk_not-a-key")).rejects.toThrow(/401|Unauthorized/i);
  });

  it("a key without the read scope: 403", async () => {
    await expect(connect(keys.writeOnly)).rejects.toThrow(/403|Forbidden/i);
  });

  it.each(["GET", "DELETE"])("%s /mcp: 405, allowing POST (no sessions, no event stream)", async (method) => {
    const response = await fetch(`${served.url}/mcp`, {
      method,
      headers: { authorization: `Bearer ${keys.readA}`, accept: "text/event-stream" },
    });
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("POST");
  });

  it.each([
    ["*/*", "*/*", 200],
    ["application/*", "application/*;q=0.9", 200],
    ["both named", "application/json, text/event-stream", 200],
    ["JSON only", "application/json", 406],
    ["HTML only", "text/html", 406],
  ])("Accept: %s -> %s", async (_name, accept, status) => {
    const headers: Record<string, string> = {
      authorization: `Bearer ${keys.readA}`,
      "content-type": "application/json",
    };
    if (accept !== undefined) headers.accept = accept;
    const response = await fetch(`${served.url}/mcp`, {
      method: "POST",
      headers,
      body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "tools/list" }),
    });
    expect(response.status).toBe(status);
  });

  it("answers in JSON, without a session id", async () => {
    const response = await fetch(`${served.url}/mcp`, {
      method: "POST",
      headers: {
        authorization: `Bearer ${keys.readA}`,
        "content-type": "application/json",
        accept: "application/json, text/event-stream",
      },
      body: JSON.stringify({ jsonrpc: "2.0", id: 7, method: "tools/list" }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("application/json");
    expect(response.headers.get("mcp-session-id")).toBeNull();
    const body = (await response.json()) as { id: number; result: { tools: unknown[] } };
    expect(body.id).toBe(7);
    expect(body.result.tools).toHaveLength(3);
  });
});

describe("docs/mcp.md", () => {
  const root = resolve(import.meta.dirname, "../..");

  it("its TypeScript snippet connects, lists the tools and prints a cited passage", async () => {
    const doc = await readFile(join(root, "docs/mcp.md"), "utf8");
    const snippet = /<!-- mcp-snippet -->\n```ts\n([\s\S]*?)\n```/.exec(doc)?.[1];
    expect(snippet).toBeDefined();
    // Under node_modules, so its imports resolve as in a project that installed the SDK; .mts for its
    // top-level await.
    const dir = await mkdtemp(join(root, "node_modules/.cache-mcp-snippet-"));
    try {
      const file = join(dir, "snippet.mts");
      await writeFile(file, snippet ?? "");
      const { stdout } = await promisify(execFile)(process.execPath, ["--import", "tsx", file], {
        cwd: root,
        env: {
          ...process.env,
          DOCSTACK_URL: served.url,
          DOCSTACK_API_KEY: keys.admin,
          DOCSTACK_COLLECTION_ID: collectionDoc,
        },
        timeout: 60_000,
      });
      const [names, ...rest] = stdout.split("\n");
      expect(names).toBe("search, list_collections, get_document");
      expect(rest.join("\n")).toMatch(
        /^\[1\] objections\.txt \(document_id [0-9a-f-]{36}, chunk 0, score [\d.]+\):\nObjections to a planning application/,
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("its Claude Desktop configuration runs: mcp-remote bridges stdio to /mcp with the key header", async () => {
    const doc = await readFile(join(root, "docs/mcp.md"), "utf8");
    const section = doc.slice(doc.indexOf("## Claude Desktop"));
    const json = /```json\n([\s\S]*?)\n```/.exec(section)?.[1];
    const config = JSON.parse(json ?? "{}") as {
      mcpServers: Record<string, { command: string; args: string[]; env: Record<string, string> }>;
    };
    const server = config.mcpServers.docstack;
    expect(server?.command).toBe("npx");
    // As Claude Desktop starts it, with this server's URL and a real key; npx finds the pinned
    // mcp-remote in the project's node_modules, so nothing is downloaded.
    const args = (server?.args ?? []).map((a) =>
      a === "https://docstack.example.com/mcp" ? `${served.url}/mcp` : a,
    );
    expect(args).toContain(`${served.url}/mcp`);
    const authDir = await mkdtemp(join(tmpdir(), "docstack-mcp-remote-"));
    const transport = new StdioClientTransport({
      command: server?.command ?? "npx",
      args,
      cwd: root,
      env: {
        PATH: process.env.PATH ?? "",
        HOME: authDir,
        MCP_REMOTE_CONFIG_DIR: authDir,
        ...server?.env,
        DOCSTACK_AUTH: `Bearer ${keys.readA}`,
      },
      stderr: "pipe",
    });
    const client = new Client({ name: "claude-desktop-stand-in", version: "1.0.0" });
    try {
      await client.connect(transport);
      const { tools } = await client.listTools();
      expect(tools.map((t) => t.name).sort()).toEqual(["get_document", "list_collections", "search"]);
      const result = (await client.callTool({
        name: "search",
        arguments: { collection_id: collectionA, query: "when is the income tax return deadline" },
      })) as CallToolResult;
      expect(result.isError).toBeFalsy();
      expect(textOf(result)).toMatch(/^\[1\] tax\.csv, rows? /);
      // The key limits it to collection A through the bridge as well.
      const refused = (await client.callTool({
        name: "search",
        arguments: { collection_id: collectionB, query: "income tax" },
      })) as CallToolResult;
      expect(refused.isError).toBe(true);
    } finally {
      await client.close();
      await rm(authDir, { recursive: true, force: true });
    }
  }, 90_000);
});

describe("MCP from a browser page (Origin)", () => {
  const toolsList = (base: string, origin: string, key: string) =>
    fetch(`${base}/mcp`, {
      method: "POST",
      headers: {
        authorization: `Bearer ${key}`,
        "content-type": "application/json",
        accept: "application/json, text/event-stream",
        origin,
      },
      body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "tools/list" }),
    });

  it("is refused 403 problem+json, even with a valid key, unless MCP_ALLOWED_ORIGINS names it", async () => {
    const refused = await toolsList(served.url, "http://rebound.example", keys.admin);
    expect(refused.status).toBe(403);
    expect(refused.headers.get("content-type")).toBe("application/problem+json");
    expect(((await refused.json()) as { detail: string }).detail).toContain("MCP_ALLOWED_ORIGINS");

    const allowing = await startEmbeddedStack({
      MCP_ALLOWED_ORIGINS: "https://inspector.example, https://app.example",
    });
    const open = await serveNode(composeApps(allowing.deps), allowing.deps, 0);
    try {
      const key = (await createApiKey(allowing.deps.db, { name: "browser", scopes: ["read"] })).key;
      expect((await toolsList(open.url, "https://app.example", key)).status).toBe(200);
      expect((await toolsList(open.url, "https://app.example.evil", key)).status).toBe(403);
      expect((await toolsList(open.url, "null", key)).status).toBe(403);
    } finally {
      await open.close();
      await allowing.close();
    }
  });
});

describe("MCP under the rate limiter", () => {
  it("each POST /mcp counts in the key's query class, the same bucket as POST /query", async () => {
    const limited = await startEmbeddedStack({ RATE_LIMITER: "memory" });
    try {
      const { key } = await createApiKey(limited.deps.db, {
        name: "mcp-two-queries",
        scopes: ["read"],
        rateLimits: { query: 2 },
      });
      const headers = {
        authorization: `Bearer ${key}`,
        "content-type": "application/json",
        accept: "application/json, text/event-stream",
      };
      const list = () =>
        limited.request("/mcp", {
          method: "POST",
          headers,
          body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "tools/list" }),
        });
      const first = await list();
      expect(first.status).toBe(200);
      expect(first.headers.get("ratelimit-remaining")).toBe("1");
      const query = await limited.request("/query", {
        method: "POST",
        headers,
        body: JSON.stringify({ collection_id: collectionA, query: "bees" }),
      });
      expect(query.status).toBe(200);
      const refused = await list();
      expect(refused.status).toBe(429);
      expect(refused.headers.get("content-type")).toBe("application/problem+json");
      expect(Number(refused.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    } finally {
      await limited.close();
    }
  });
});
