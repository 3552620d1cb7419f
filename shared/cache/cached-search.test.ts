import { describe, expect, it } from "vitest";
import type { Collection } from "../collections/collections.js";
import type { SearchRequest } from "../retrieval/search.js";
import { queryCacheKey } from "./cached-search.js";

const collection = {
  id: "6f1c8d4e-0a53-4c1e-9f4b-2f1d3f0b6a11",
  embedding_model: "m",
  index_version: "7",
} as Collection;
const request: SearchRequest = { collection, query: "refunds", topK: 5, mode: "hybrid", filter: {} };

describe("queryCacheKey", () => {
  it("keys on the highlight flag, absent and false alike", () => {
    const plain = queryCacheKey(collection, request);
    expect(queryCacheKey(collection, { ...request, highlight: false })).toBe(plain);
    expect(queryCacheKey(collection, { ...request, highlight: true })).not.toBe(plain);
  });

  it("keys on reranking: asked or not, its depth, its passage cut and the model that reranks", () => {
    const plain = queryCacheKey(collection, request);
    const reranked = { ...request, rerank: { depth: 50, maxChars: 2000 } };
    const key = queryCacheKey(collection, reranked, "bge-reranker-base");
    expect(key).not.toBe(plain);
    expect(queryCacheKey(collection, reranked, "ms-marco-MiniLM-L-6-v2")).not.toBe(key);
    expect(
      queryCacheKey(collection, { ...reranked, rerank: { depth: 20, maxChars: 2000 } }, "bge-reranker-base"),
    ).not.toBe(key);
    expect(
      queryCacheKey(collection, { ...reranked, rerank: { depth: 50, maxChars: 500 } }, "bge-reranker-base"),
    ).not.toBe(key);
    expect(queryCacheKey(collection, request, "bge-reranker-base")).toBe(plain);
  });
});
