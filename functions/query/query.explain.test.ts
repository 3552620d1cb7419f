import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type EmbeddedStack, startEmbeddedStack, uploadText } from "../../tests/support/embedded-stack.js";

// What POST /query tells about each result: its ranks on both sides of the fusion, and on
// request the words of its text that the keyword query matches.
interface Result {
  filename: string;
  text: string;
  ranks: { keyword: number | null; vector: number | null };
  highlights?: { start: number; end: number }[];
}

let stack: EmbeddedStack;
let collection: string;
beforeAll(async () => {
  stack = await startEmbeddedStack();
  collection = await stack.createCollection();
  // Keyword search stems "running" and "runs" to run; the built-in embedder keeps "runs" and
  // cuts "running" to "runn". So for the query "running", runs.txt is a keyword hit the vector
  // side ranks last (nothing in common), the "runn" notes are vector hits the keyword side does
  // not find, and running.txt is first on both.
  await uploadText(stack, collection, "running.txt", "running");
  await uploadText(stack, collection, "runs.txt", "Refunds: she runs the refund desk.");
  for (let i = 0; i < 24; i++) await uploadText(stack, collection, `runn-${i}.txt`, `runn note ${i}`);
  await stack.indexAll();
});
afterAll(() => stack.close());

const query = (body: Record<string, unknown>) =>
  stack.json<{ results: Result[] }>("/query", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ collection_id: collection, ...body }),
  });

describe("POST /query ranks", () => {
  it("gives each hybrid result its rank in the keyword and vector candidates, null where a side missed it", async () => {
    const r = await query({ query: "running", mode: "hybrid", top_k: 5 });
    expect(r.status).toBe(200);
    const byName = new Map(r.body.results.map((p) => [p.filename, p.ranks]));
    expect(byName.get("running.txt")).toEqual({ keyword: 1, vector: 1 });
    // The shorter chunk first on BM25.
    expect(byName.get("runs.txt")).toEqual({ keyword: 2, vector: null });
    const vectorOnly = r.body.results.filter((p) => p.filename.startsWith("runn-"));
    expect(vectorOnly).toHaveLength(3);
    expect(vectorOnly.map((p) => p.ranks)).toEqual([
      { keyword: null, vector: 2 },
      { keyword: null, vector: 3 },
      { keyword: null, vector: 4 },
    ]);
  });

  it.each([
    ["keyword", (i: number) => ({ keyword: i + 1, vector: null })],
    ["vector", (i: number) => ({ keyword: null, vector: i + 1 })],
  ] as const)("gives %s mode's results their rank on that side only", async (mode, expected) => {
    const r = await query({ query: "running refund", mode, top_k: 4 });
    expect(r.status).toBe(200);
    expect(r.body.results.length).toBeGreaterThan(1);
    expect(r.body.results.map((p) => p.ranks)).toEqual(r.body.results.map((_, i) => expected(i)));
  });
});

describe("POST /query highlight", () => {
  it.each(["hybrid", "keyword", "vector"])("marks the query's words, stemmed, in %s mode", async (mode) => {
    const r = await query({ query: "refunds running", mode, top_k: 26, highlight: true });
    expect(r.status).toBe(200);
    const runs = r.body.results.find((p) => p.filename === "runs.txt");
    expect(runs?.highlights).toEqual([
      { start: 0, end: 7 },
      { start: 13, end: 17 },
      { start: 22, end: 28 },
    ]);
    expect(runs?.highlights?.map((m) => runs.text.slice(m.start, m.end))).toEqual([
      "Refunds",
      "runs",
      "refund",
    ]);
    for (const p of r.body.results) expect(p.highlights).toBeDefined();
    expect(r.body.results.find((p) => p.filename === "runn-0.txt")?.highlights ?? []).toEqual([]);
  });

  it("leaves results as they were without it, and answers each from its own cache entry", async () => {
    const plain = await query({ query: "refunds", mode: "keyword" });
    expect(Object.keys(plain.body.results[0] ?? {}).sort()).toEqual(
      ["chunk_index", "content_type", "document_id", "filename", "location", "ranks", "score", "text"].sort(),
    );
    const marked = await query({ query: "refunds", mode: "keyword", highlight: true });
    expect(marked.body.results[0]?.highlights).toEqual([
      { start: 0, end: 7 },
      { start: 22, end: 28 },
    ]);
    const again = await query({ query: "refunds", mode: "keyword", highlight: false });
    expect(again.body.results[0]).not.toHaveProperty("highlights");
    expect(again.body.results).toEqual(plain.body.results);
  });

  it("marks nothing for a query of stop words and exclusions", async () => {
    const r = await query({ query: "the -refund", mode: "vector", top_k: 3, highlight: true });
    expect(r.status).toBe(200);
    expect(r.body.results.length).toBeGreaterThan(0);
    for (const p of r.body.results) expect(p.highlights).toEqual([]);
  });

  it.each([
    ["a string", "yes"],
    ["a number", 1],
    ["null", null],
  ])("refuses highlight given as %s with 422", async (_name, highlight) => {
    const r = await stack.json<{ code: string }>("/query", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ collection_id: collection, query: "refund", highlight }),
    });
    expect(r.status).toBe(422);
    expect(r.response.headers.get("content-type")).toBe("application/problem+json");
    expect(r.body.code).toBe("validation_failed");
  });
});
