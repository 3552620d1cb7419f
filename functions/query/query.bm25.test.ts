import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type EmbeddedStack, startEmbeddedStack, uploadForm } from "../../tests/support/embedded-stack.js";

// Keyword mode is Okapi BM25 (k1 1.2, b 0.75) with the collection's own statistics. The words
// are their own English stems and none is a stop word, so the arithmetic can be done by hand:
//   d1 "cat cat dog" (3 tokens), d2 "cat bird fish" (3), d3 "bird fish frog newt" (4)
//   N = 3, avgdl = 10/3; every word below is in 2 chunks: idf = ln(1 + (3 - 2 + 0.5)/(2 + 0.5)) = ln 1.6 = 0.470004
//   term score = idf * tf * 2.2 / (tf + 1.2 * (0.25 + 0.75 * dl / avgdl))
//   "cat" in d1: tf 2, dl 3: 0.470004 * 4.4 / (2 + 1.2 * 0.925) = 0.470004 * 4.4 / 3.11 = 0.664957
//   "cat" in d2: tf 1, dl 3: 0.470004 * 2.2 / (1 + 1.11)                              = 0.490051
//   "bird" or "fish" in d3: tf 1, dl 4: 0.470004 * 2.2 / (1 + 1.2 * 1.15) = 0.434457 each
let stack: EmbeddedStack;
let collection: string;
const ids: Record<string, string> = {};
beforeAll(async () => {
  stack = await startEmbeddedStack();
  collection = await stack.createCollection();
  const docs = { d1: "cat cat dog", d2: "cat bird fish", d3: "bird fish frog newt" };
  for (const [name, text] of Object.entries(docs)) {
    const r = await stack.json<{ document: { id: string } }>("/documents", {
      method: "POST",
      body: uploadForm(
        collection,
        { name: `${name}.txt`, bytes: text },
        { metadata: JSON.stringify({ name }) },
      ),
    });
    ids[name] = r.body.document.id;
  }
  await stack.indexAll();
  // Another collection's chunks must not move these statistics.
  const other = await stack.createCollection();
  await stack.request("/documents", {
    method: "POST",
    body: uploadForm(other, { name: "x.txt", bytes: "cat" }),
  });
  await stack.indexAll();
});
afterAll(() => stack.close());

const keyword = async (query: string, extra: Record<string, unknown> = {}) => {
  const r = await stack.json<{ results: { filename: string; score: number }[] }>("/query", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ collection_id: collection, query, mode: "keyword", top_k: 10, ...extra }),
  });
  expect(r.status).toBe(200);
  return r.body.results.map((p) => [p.filename, Number(p.score.toFixed(6))]);
};

describe("keyword mode: BM25", () => {
  it("scores by hand-computed BM25", async () => {
    expect(await keyword("cat")).toEqual([
      ["d1.txt", 0.664957],
      ["d2.txt", 0.490051],
    ]);
  });

  it("sums over query words and counts a repeated word twice", async () => {
    // d2: bird + fish = 2 * 0.490051; d3: 2 * 0.434457
    expect(await keyword("bird fish")).toEqual([
      ["d2.txt", 0.980102],
      ["d3.txt", 0.868914],
    ]);
    expect(await keyword("cat cat")).toEqual([
      ["d1.txt", 1.329914],
      ["d2.txt", 0.980102],
    ]);
  });

  it("keeps the query syntax: phrases must match as phrases, -words exclude", async () => {
    expect((await keyword('"fish bird"')).map(([f]) => f)).toEqual([]);
    expect(await keyword('"bird fish"')).toEqual([
      ["d2.txt", 0.980102],
      ["d3.txt", 0.868914],
    ]);
    expect(await keyword("cat -dog")).toEqual([["d2.txt", 0.490051]]);
    expect(await keyword("-cat")).toEqual([]);
  });

  it("filters results without changing the statistics", async () => {
    expect(await keyword("cat", { filter: { metadata: { name: "d2" } } })).toEqual([["d2.txt", 0.490051]]);
  });

  it.each([
    "o'brien's \\ back\\slash 'quoted'",
    "the and of",
    "ünïcödé 東京 42 3.14",
  ])("answers odd text without error: %j", async (query) => {
    expect(Array.isArray(await keyword(query))).toBe(true);
  });
});
