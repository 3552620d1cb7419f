import { afterAll, describe, expect, it } from "vitest";
import { reindexCollection } from "../../shared/indexing/reindex-collection.js";
import { type EmbeddedStack, startEmbeddedStack, uploadForm } from "../support/embedded-stack.js";
import { modelDir } from "./model-dir.js";

/**
 * EMBEDDER=onnx through the product: the Node deps load the model, collections record its name
 * and dimension, a collection built with another model is refused until reindexed, and vector
 * search then finds a paraphrase that shares no word with the query. Both stacks share one
 * PGlite database (one per test file) and one data directory, as two deployments of one
 * install would.
 */
const stacks = (async () => {
  const builtin = await startEmbeddedStack({ QUERY_CACHE: "off" });
  const onnx = await startEmbeddedStack({
    EMBEDDER: "onnx",
    EMBEDDER_MODEL_DIR: modelDir,
    QUERY_CACHE: "off",
    // The same objects: the reindex reads the documents the other deployment stored.
    DATA_DIR: builtin.dataDir,
  });
  return { builtin, onnx };
})().then(
  (s) => ({ s }),
  (error: unknown) => ({ error }),
);
// Every test fails with the loader's message when the model is missing (none is skipped).
async function both(): Promise<{ builtin: EmbeddedStack; onnx: EmbeddedStack }> {
  const started = await stacks;
  if ("error" in started) throw started.error;
  return started.s;
}
afterAll(async () => {
  const started = await stacks;
  if ("s" in started) await Promise.all([started.s.builtin.close(), started.s.onnx.close()]);
});

const docs = {
  cat: "The cat slept on the mat all afternoon.",
  markets: "Share prices tumbled as investors sold bank stocks.",
  football: "The match was postponed because the pitch was flooded.",
};

type Results = { results: { document_id: string; score: number }[] };
const vectorQuery = (stack: EmbeddedStack, collection: string, query: string) =>
  stack.json<Results & { code?: string; detail?: string }>("/query", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ collection_id: collection, query, mode: "vector", top_k: 3 }),
  });

describe("EMBEDDER=onnx in the product", () => {
  it("records the model per collection, refuses another model's vectors, and reindexes to it", async () => {
    const { builtin, onnx } = await both();
    const collection = await builtin.createCollection();
    const ids: Record<string, string> = {};
    for (const [name, text] of Object.entries(docs)) {
      const r = await builtin.json<{ document: { id: string } }>("/documents", {
        method: "POST",
        body: uploadForm(collection, { name: `${name}.txt`, bytes: text }),
      });
      expect(r.status).toBe(201);
      ids[name] = r.body.document.id;
    }
    await builtin.indexAll();

    // Built with the lexical embedder: the ONNX deployment must not mix its vectors in.
    const refused = await vectorQuery(onnx, collection, "a kitten dozing on a rug");
    expect(refused.status).toBe(409);
    expect(refused.body.detail).toContain("Reindex the collection");

    const result = await reindexCollection(onnx.deps, collection, { wait: true });
    expect(result).toMatchObject({
      from: { model: "docstack-lexical-hash-v1", dimension: 512 },
      to: { model: "all-MiniLM-L6-v2-int8", dimension: 384 },
      indexed: 3,
      failed: 0,
    });
    const got = await onnx.json<{ embedding_model: string; embedding_dimension: number }>(
      `/collections/${collection}`,
    );
    expect(got.body).toMatchObject({ embedding_model: "all-MiniLM-L6-v2-int8", embedding_dimension: 384 });

    // No word in common with the cat document: only a semantic model puts it first.
    const found = await vectorQuery(onnx, collection, "a kitten dozing on a rug");
    expect(found.status).toBe(200);
    expect(found.body.results[0]?.document_id).toBe(ids.cat);
    const finance = await vectorQuery(onnx, collection, "equity markets crashed");
    expect(finance.body.results[0]?.document_id).toBe(ids.markets);
  });

  it("creates new collections with the model's name and dimension", async () => {
    const { onnx } = await both();
    const created = await onnx.json<{ embedding_model: string; embedding_dimension: number }>(
      "/collections",
      {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ name: `onnx-${crypto.randomUUID()}` }),
      },
    );
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      embedding_model: "all-MiniLM-L6-v2-int8",
      embedding_dimension: 384,
    });
  });

  it("answers readiness with the embedder probed", async () => {
    const { onnx } = await both();
    const ready = await onnx.json<{ status: string; checks: Record<string, { status: string }> }>(
      "/health/ready",
    );
    expect(ready.status).toBe(200);
    expect(JSON.stringify(ready.body)).toContain("onnx");
  });
});
