import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type EmbeddedStack, startEmbeddedStack, uploadForm } from "../../tests/support/embedded-stack.js";

let stack: EmbeddedStack;
let collection: string;
const ids: Record<string, string> = {};
beforeAll(async () => {
  stack = await startEmbeddedStack();
  collection = await stack.createCollection();
  const docs = {
    "bees.txt": ["Honey bees pollinate orchards and communicate with a waggle dance.", { topic: "biology" }],
    "tides.md": ["# Tides\n\nThe moon's gravity raises ocean tides twice a day.", { topic: "physics" }],
    "tax.csv": [
      "form,deadline\nincome tax return,31 January\nvat return,7th of the month",
      { topic: "finance" },
    ],
  } as const;
  for (const [name, [text, metadata]] of Object.entries(docs)) {
    const r = await stack.json<{ document: { id: string } }>("/documents", {
      method: "POST",
      body: uploadForm(collection, { name, bytes: text }, { metadata: JSON.stringify(metadata) }),
    });
    ids[name] = r.body.document.id;
  }
  await stack.indexAll();
});
afterAll(() => stack.close());

const query = (body: Record<string, unknown>) =>
  stack.json<{
    results: { document_id: string; filename: string; text: string; score: number; chunk_index: number }[];
    took_ms: number;
  }>("/query", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ collection_id: collection, ...body }),
  });

describe("POST /query", () => {
  it.each(["hybrid", "vector", "keyword"])("%s mode ranks the answering document first", async (mode) => {
    const r = await query({ query: "when is the income tax return deadline", mode });
    expect(r.status).toBe(200);
    expect(r.body.results[0]?.document_id).toBe(ids["tax.csv"]);
    expect(r.body.results[0]?.text).toContain("31 January");
    expect(r.body.took_ms).toBeGreaterThanOrEqual(0);
  });

  it("respects top_k and orders by score", async () => {
    const r = await query({ query: "bees tides tax moon honey", mode: "hybrid", top_k: 2 });
    expect(r.body.results).toHaveLength(2);
    expect(r.body.results[0]?.score ?? 0).toBeGreaterThanOrEqual(r.body.results[1]?.score ?? 0);
  });

  it.each([
    "hybrid",
    "vector",
    "keyword",
  ])("%s mode applies metadata, type, filename and id filters", async (mode) => {
    const byMeta = await query({
      query: "bees moon tax",
      mode,
      filter: { metadata: { topic: "physics" } },
    });
    expect(new Set(byMeta.body.results.map((r) => r.filename))).toEqual(new Set(["tides.md"]));
    const byType = await query({
      query: "bees moon tax",
      mode,
      filter: { content_type: ["text/plain", "text/csv"] },
    });
    expect(new Set(byType.body.results.map((r) => r.filename))).toEqual(new Set(["bees.txt", "tax.csv"]));
    const byName = await query({ query: "bees moon tax", mode, filter: { filename: "bees.txt" } });
    expect(byName.body.results.map((r) => r.filename)).toEqual(["bees.txt"]);
    const byId = await query({ query: "bees moon tax", mode, filter: { document_id: ids["tax.csv"] } });
    expect(byId.body.results.map((r) => r.document_id)).toEqual([ids["tax.csv"]]);
    const none = await query({ query: "bees", mode, filter: { metadata: { topic: "nothing" } } });
    expect(none.body.results).toEqual([]);
  });

  it("returns nothing (not an error) when no chunk matches the keywords", async () => {
    const r = await query({ query: "xylophone zeppelin", mode: "keyword" });
    expect(r.status).toBe(200);
    expect(r.body.results).toEqual([]);
  });

  it.each([
    ["top_k 0", { query: "x", top_k: 0 }, 422, "validation_failed"],
    ["top_k 101", { query: "x", top_k: 101 }, 422, "validation_failed"],
    ["empty query", { query: "   " }, 422, "validation_failed"],
    ["bad mode", { query: "x", mode: "magic" }, 422, "validation_failed"],
    [
      "unknown collection",
      { query: "x", collection_id: "00000000-0000-4000-8000-000000000000" },
      404,
      "not_found",
    ],
    ["NUL in the query text", { query: "bees\u0000", mode: "keyword" }, 422, "validation_failed"],
    ["NUL in a filter", { query: "bees", filter: { filename: "a\u0000" } }, 422, "validation_failed"],
  ])("%s -> %s", async (_name, body, status, code) => {
    const r = await stack.json<{ code: string; requestId: string }>("/query", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ collection_id: collection, ...body }),
    });
    expect(r.status).toBe(status);
    expect(r.response.headers.get("content-type")).toBe("application/problem+json");
    expect(r.body.code).toBe(code);
    expect(r.body.requestId).toBeTruthy();
  });

  it("rejects malformed JSON with 400", async () => {
    const r = await stack.request("/query", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: '{"query":',
    });
    expect(r.status).toBe(400);
    expect(r.headers.get("content-type")).toBe("application/problem+json");
  });
});
