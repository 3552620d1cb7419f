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
});
