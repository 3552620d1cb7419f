import { randomUUID } from "node:crypto";
import { ChromaClient } from "chromadb";
import { describe, expect, it } from "vitest";
import { ChromaStore, chromaHnsw } from "../../shared/vectors/chroma-store.js";
import { state } from "./stack-client.js";

function chroma(): ChromaClient {
  const url = new URL(state.chroma.url);
  return new ChromaClient({
    host: url.hostname,
    port: Number(url.port),
    headers: { Authorization: `Bearer ${state.chroma.token}` },
  });
}

describe("ChromaStore's collections", () => {
  it("are made with the measured HNSW settings, in cosine space", async () => {
    const store = new ChromaStore({ url: state.chroma.url, token: state.chroma.token });
    const collection = { id: randomUUID(), dimension: 4 };
    await store.ensureCollection(collection);
    try {
      const made = await chroma().getCollection({ name: ChromaStore.collectionName(collection.id) });
      expect(made.configuration.hnsw).toMatchObject({
        space: "cosine",
        ef_construction: chromaHnsw.ef_construction,
        max_neighbors: chromaHnsw.max_neighbors,
        ef_search: chromaHnsw.ef_search,
      });
    } finally {
      await store.dropCollection(collection);
    }
  });
});
