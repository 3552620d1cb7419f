import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type EmbeddedStack, startEmbeddedStack, uploadText } from "../../tests/support/embedded-stack.js";
import { getCollection } from "../collections/collections.js";
import { reciprocalRankFusion } from "./rrf.js";
import { fusionFor, keywordSearch, type SearchRequest, usefulCandidates, vectorSearch } from "./search.js";

// Hybrid mode asks the keyword side only for the candidates that can reach the fused top k
// (usefulCandidates): its answer must be the fusion of both sides' full candidate lists.
let stack: EmbeddedStack;
let collection: string;
const words = [
  "cells",
  "mice",
  "protein",
  "tumour",
  "therapy",
  "gene",
  "patients",
  "risk",
  "dose",
  "trial",
  "liver",
];
beforeAll(async () => {
  stack = await startEmbeddedStack();
  collection = await stack.createCollection();
  for (let i = 0; i < 90; i++) {
    const text = Array.from(
      { length: 12 + (i % 9) },
      (_, j) => words[(i * 5 + j * j * 3) % words.length],
    ).join(" ");
    await uploadText(stack, collection, `${i}.txt`, text);
  }
  await stack.indexAll();
});
afterAll(() => stack.close());

describe("hybrid mode on PGlite with the built-in embedder", () => {
  it.each([
    ["cells protein dose", 10],
    ["tumour therapy risk in patients", 10],
    ["gene liver mice trial", 5],
  ])("answers %j (top %i) as the fusion of 40 candidates a side", async (query, topK) => {
    const r = await stack.json<{ results: { filename: string; score: number }[] }>("/query", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ collection_id: collection, query, mode: "hybrid", top_k: topK }),
    });
    expect(r.status).toBe(200);

    const req: SearchRequest = {
      collection: await getCollection(stack.deps.db, collection),
      query,
      topK,
      mode: "hybrid",
      filter: {},
    };
    const n = Math.max(20, topK * 4);
    const fusion = fusionFor(req.collection);
    if (fusion.method !== "rrf")
      throw new Error(`the built-in embedder's fusion is RRF, not ${fusion.method}`);
    // The keyword side is cut short here, or this test would prove nothing.
    expect(usefulCandidates(fusion, 0, topK, n)).toBeLessThan(n);
    const [keyword, vector] = [
      await keywordSearch(stack.deps, req, n),
      await vectorSearch(stack.deps, req, n),
    ];
    expect(keyword.length).toBeGreaterThan(usefulCandidates(fusion, 0, topK, n));
    const expected = reciprocalRankFusion(
      [keyword, vector],
      (p) => `${p.document_id}:${p.chunk_index}`,
      fusion.k,
      fusion.weights,
    )
      .slice(0, topK)
      .map(({ item, score }) => [item.filename, score]);
    expect(r.body.results.map((p) => [p.filename, p.score])).toEqual(expected);
  });
});
