import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { afterAll, describe, expect, it } from "vitest";
import { uploadForm } from "../support/embedded-stack.js";
import { api, createCollection, makeKey, state, waitFor } from "./stack-client.js";

const clients: Client[] = [];
afterAll(() => Promise.all(clients.map((c) => c.close())));

async function connect(key: string, base = state.nginx): Promise<Client> {
  const client = new Client({ name: "docstack-stack-test", version: "1.0.0" });
  const transport = new StreamableHTTPClientTransport(new URL(`${base}/mcp`), {
    requestInit: { headers: { authorization: `Bearer ${key}` } },
  });
  await client.connect(transport);
  clients.push(client);
  return client;
}

const textOf = (r: CallToolResult) => r.content.map((c) => (c.type === "text" ? c.text : "")).join("");

const rpc = (base: string, key: string, body: unknown) =>
  fetch(`${base}/mcp`, {
    method: "POST",
    headers: {
      authorization: `Bearer ${key}`,
      "content-type": "application/json",
      accept: "application/json, text/event-stream",
    },
    body: JSON.stringify(body),
  });

describe("MCP through Nginx on the real stack", () => {
  it("searches as the calling key, on any query replica, and refuses what the key may not do", async () => {
    const writer = await makeKey({ scopes: ["read", "write"], rateLimits: { query: 10_000 } });
    const a = await createCollection();
    const b = await createCollection();
    const upload = async (collection: string, name: string, text: string) => {
      const r = await api<{ document: { id: string } }>("/documents", {
        method: "POST",
        headers: { authorization: `Bearer ${writer}` },
        body: uploadForm(collection, { name, bytes: text }),
      });
      expect(r.status).toBe(201);
      return r.body.document.id;
    };
    const tax = await upload(
      a,
      "tax.csv",
      "form,deadline\nincome tax return,31 January\nvat return,7th of the month",
    );
    await upload(a, "bees.txt", "Honey bees pollinate orchards with a waggle dance.");
    await upload(b, "board.txt", "The income tax return of the board is private.");
    for (const collection of [a, b])
      await waitFor(`${collection} indexed`, async () => {
        const s = await api<{ counts: { indexed: number }; total: number }>(
          `/index/status?collection_id=${collection}`,
        );
        return s.body.counts.indexed === s.body.total ? true : undefined;
      });
    const readA = await makeKey({ scopes: ["read"], collections: [a], rateLimits: { query: 10_000 } });

    const client = await connect(readA);
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name).sort()).toEqual(["get_document", "list_collections", "search"]);
    // Several calls: Nginx spreads them over both query replicas, none of which keeps a session.
    for (let i = 0; i < 4; i++) {
      const result = (await client.callTool({
        name: "search",
        arguments: { collection_id: a, query: "when is the income tax return deadline" },
      })) as CallToolResult;
      expect(result.isError).toBeFalsy();
      const first = (result.structuredContent as { results: { document_id: string }[] }).results[0];
      expect(first?.document_id).toBe(tax);
      expect(textOf(result)).toMatch(/^\[1\] tax\.csv/);
    }
    const other = (await client.callTool({
      name: "search",
      arguments: { collection_id: b, query: "income tax return" },
    })) as CallToolResult;
    expect(other.isError).toBe(true);
    expect(textOf(other)).toMatch(/^forbidden \(403\)/);

    // Initialized on one replica, called on the other, with no session between them.
    const [one, two] = state.functions.query ?? [];
    if (one === undefined || two === undefined) throw new Error("two query replicas expected");
    const init = await rpc(one, readA, {
      jsonrpc: "2.0",
      id: 1,
      method: "initialize",
      params: { protocolVersion: "2025-06-18", capabilities: {}, clientInfo: { name: "raw", version: "1" } },
    });
    expect(init.status).toBe(200);
    expect(init.headers.get("mcp-session-id")).toBeNull();
    const call = await rpc(two, readA, {
      jsonrpc: "2.0",
      id: 2,
      method: "tools/call",
      params: { name: "search", arguments: { collection_id: a, query: "waggle dance" } },
    });
    expect(call.status).toBe(200);
    const body = (await call.json()) as {
      result: { structuredContent: { results: { filename: string }[] } };
    };
    expect(body.result.structuredContent.results[0]?.filename).toBe("bees.txt");
  });

  it("no key: 401 with WWW-Authenticate through Nginx; GET: 405", async () => {
    const response = await fetch(`${state.nginx}/mcp`, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json, text/event-stream" },
      body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "tools/list" }),
    });
    expect(response.status).toBe(401);
    expect(response.headers.get("www-authenticate")).toBe('Bearer realm="docstack"');
    const get = await fetch(`${state.nginx}/mcp`, {
      headers: { authorization: `Bearer ${state.apiKey}`, accept: "text/event-stream" },
    });
    expect(get.status).toBe(405);
  });
});
