import { afterAll, describe, expect, it } from "vitest";
import { reindexCollection } from "../../shared/indexing/reindex-collection.js";
import { type EmbeddedStack, startEmbeddedStack, uploadForm } from "../support/embedded-stack.js";
import { bgeModelDir, cosine, modelDir } from "./model-dir.js";

/**
 * bge-small-en-v1.5 through the product, beside all-MiniLM-L6-v2: both give 384 dimensions, so
 * only the model's recorded name keeps a MiniLM collection from being queried with bge vectors.
 * A query goes through the query path (with bge's instruction), chunks through the index path
 * (without). Both stacks share one PGlite database and one data directory, as two deployments
 * of one install would.
 */
const stacks = (async () => {
  const minilm = await startEmbeddedStack({
    EMBEDDER: "onnx",
    EMBEDDER_MODEL_DIR: modelDir,
    QUERY_CACHE: "off",
  });
  const bge = await startEmbeddedStack({
    EMBEDDER: "onnx",
    EMBEDDER_MODEL_DIR: bgeModelDir,
    QUERY_CACHE: "off",
    DATA_DIR: minilm.dataDir,
  });
  return { minilm, bge };
})().then(
  (s) => ({ s }),
  (error: unknown) => ({ error }),
);
// Every test fails with the loader's message when a model is missing (none is skipped).
async function both(): Promise<{ minilm: EmbeddedStack; bge: EmbeddedStack }> {
  const started = await stacks;
  if ("error" in started) throw started.error;
  return started.s;
}
afterAll(async () => {
  const started = await stacks;
  if ("s" in started) await Promise.all([started.s.minilm.close(), started.s.bge.close()]);
});

const docs = {
  cat: "The cat slept on the mat all afternoon.",
  markets: "Share prices tumbled as investors sold bank stocks.",
  football: "The match was postponed because the pitch was flooded.",
};

type Results = { results: { document_id: string; score: number }[]; detail?: string };
const vectorQuery = (stack: EmbeddedStack, collection: string, query: string) =>
  stack.json<Results>("/query", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ collection_id: collection, query, mode: "vector", top_k: 3 }),
  });

describe("EMBEDDER=onnx with bge-small-en-v1.5", () => {
  it("refuses a MiniLM collection of the same dimension, reindexes it, then finds by meaning", async () => {
    const { minilm, bge } = await both();
    const collection = await minilm.createCollection();
    const ids: Record<string, string> = {};
    for (const [name, text] of Object.entries(docs)) {
      const r = await minilm.json<{ document: { id: string } }>("/documents", {
        method: "POST",
        body: uploadForm(collection, { name: `${name}.txt`, bytes: text }),
      });
      expect(r.status).toBe(201);
      ids[name] = r.body.document.id;
    }
    await minilm.indexAll();

    const refused = await vectorQuery(bge, collection, "a kitten dozing on a rug");
    expect(refused.status).toBe(409);
    expect(refused.body.detail).toContain("Reindex the collection");

    const result = await reindexCollection(bge.deps, collection, { wait: true });
    expect(result).toMatchObject({
      from: { model: "all-MiniLM-L6-v2-int8", dimension: 384 },
      to: { model: "bge-small-en-v1.5-int8", dimension: 384 },
      indexed: 3,
      failed: 0,
    });
    const got = await bge.json<{ embedding_model: string }>(`/collections/${collection}`);
    expect(got.body.embedding_model).toBe("bge-small-en-v1.5-int8");
    // And now the MiniLM deployment is the one refused.
    expect((await vectorQuery(minilm, collection, "a kitten")).status).toBe(409);

    const found = await vectorQuery(bge, collection, "a kitten dozing on a rug");
    expect(found.status).toBe(200);
    expect(found.body.results.map((r) => r.document_id)).toEqual([ids.cat, ids.football, ids.markets]);
    const finance = await vectorQuery(bge, collection, "equity markets crashed");
    expect(finance.body.results[0]?.document_id).toBe(ids.markets);
  });

  it("embeds the query with the instruction and the chunks without it", async () => {
    const { bge } = await both();
    const collection = await bge.createCollection();
    const r = await bge.json<{ document: { id: string } }>("/documents", {
      method: "POST",
      body: uploadForm(collection, { name: "cat.txt", bytes: docs.cat }),
    });
    expect(r.status).toBe(201);
    await bge.indexAll();

    const query = "where did the cat sleep";
    const found = await vectorQuery(bge, collection, query);
    const score = found.body.results[0]?.score ?? Number.NaN;
    const embed = bge.deps.embedder;
    const [asDocument] = await embed.embed([docs.cat], "document");
    const [asQuery] = await embed.embed([query], "query");
    const [queryWithout] = await embed.embed([query], "document");
    // The score is the cosine of the query as the query path embeds it and the chunk as the
    // index path did (measured 0.697); the other pairings are apart: 0.746 with the query
    // embedded as a document, 0.729 with the chunk embedded as a query.
    expect(score).toBeCloseTo(cosine(asQuery ?? [], asDocument ?? []), 4);
    expect(Math.abs(score - cosine(queryWithout ?? [], asDocument ?? []))).toBeGreaterThan(0.01);
    const [docAsQuery] = await embed.embed([docs.cat], "query");
    expect(Math.abs(score - cosine(asQuery ?? [], docAsQuery ?? []))).toBeGreaterThan(0.01);
  });

  it("fuses hybrid answers from both sides' scores, each scaled over its candidates, 0.4 keyword and 0.6 vector", async () => {
    const { bge } = await both();
    const collection = await bge.createCollection();
    for (const [name, text] of Object.entries(docs)) {
      const r = await bge.json("/documents", {
        method: "POST",
        body: uploadForm(collection, { name: `${name}.txt`, bytes: text }),
      });
      expect(r.status).toBe(201);
    }
    await bge.indexAll();
    const ask = (mode: string, topK: number) =>
      bge.json<Results>("/query", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ collection_id: collection, query: "the cat on the mat", mode, top_k: topK }),
      });
    // Each side asked as deep as hybrid's candidate lists are at top_k 3 (20), so the min-max
    // floors below are the ones the hybrid answer scaled by.
    const [keyword, vector, hybrid] = await Promise.all([
      ask("keyword", 20),
      ask("vector", 20),
      ask("hybrid", 3),
    ]);
    const scaled = (side: Results["results"]) => {
      const scores = side.map((r) => r.score);
      const [hi, lo] = [Math.max(...scores), Math.min(...scores)];
      return new Map(side.map((r) => [r.document_id, hi > lo ? (r.score - lo) / (hi - lo) : 1]));
    };
    const [k, v] = [scaled(keyword?.body.results ?? []), scaled(vector?.body.results ?? [])];
    // Only the cat's text shares words with the query: the keyword side has one candidate.
    expect(k.size).toBe(1);
    expect(v.size).toBe(3);
    const expected = [...v.keys()]
      .map((id) => ({ id, score: 0.4 * (k.get(id) ?? 0) + 0.6 * (v.get(id) ?? 0) }))
      .sort((a, b) => b.score - a.score);
    const got = hybrid?.body.results ?? [];
    expect(got.map((r) => r.document_id)).toEqual(expected.map((e) => e.id));
    for (const [i, r] of got.entries()) expect(r.score).toBeCloseTo(expected[i]?.score ?? Number.NaN, 9);
    // First in both lists is the most a passage can score, and Dify's record score says so.
    expect(got[0]?.score).toBeCloseTo(1, 9);
    const dify = await bge.json<{ records: { score: number }[] }>("/retrieval", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        knowledge_id: collection,
        query: "the cat on the mat",
        retrieval_setting: { top_k: 3, score_threshold: 0 },
      }),
    });
    expect(dify.status).toBe(200);
    expect(dify.body.records.map((r) => r.score)).toEqual(got.map((r) => Math.round(r.score * 1e6) / 1e6));
  });
});
