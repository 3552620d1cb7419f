import { describe, expect, it } from "vitest";
import type { EmbedPurpose } from "../embeddings/embedder.js";
import { LexicalEmbedder } from "../embeddings/lexical-embedder.js";
import { EmbeddingQueue } from "./embedding-queue.js";

/** The built-in embedder, with every request it gets written down (and one kind it refuses). */
function recording(refuse?: string) {
  const embedder = new LexicalEmbedder();
  const requests: string[][] = [];
  const purposes = new Set<EmbedPurpose>();
  return {
    requests,
    purposes,
    async embed(texts: readonly string[], purpose: EmbedPurpose) {
      requests.push([...texts]);
      purposes.add(purpose);
      if (refuse !== undefined && texts.includes(refuse)) throw new Error("the embedder refused the batch");
      return embedder.embed(texts, "document");
    },
  };
}

const texts = (doc: string, n: number) => Array.from({ length: n }, (_, i) => `${doc} passage ${i}`);

describe("embedding the chunks of many documents in shared batches", () => {
  it("fills each request from several documents and gives each document its own vectors in order", async () => {
    const embedder = recording();
    const queue = new EmbeddingQueue(embedder, { batchSize: 8, parallel: 1, waitMs: 0 });
    const docs = ["alpha", "bravo", "charlie", "delta", "echo"].map((d) => texts(d, 3));
    const results = await Promise.all(docs.map((d) => queue.embed(d)));
    // 15 texts in batches of 8: the first request takes one document alone (nothing else had
    // arrived), the rest fill up across documents.
    expect(embedder.requests.map((r) => r.length)).toEqual([3, 8, 4]);
    expect(embedder.requests[1]).toEqual([
      ...texts("bravo", 3),
      ...texts("charlie", 3),
      ...texts("delta", 2),
    ]);
    const reference = new LexicalEmbedder();
    for (const [i, doc] of docs.entries()) expect(results[i]).toEqual(await reference.embed(doc, "document"));
    // Chunks are documents: a model with a query instruction must not give it to them.
    expect([...embedder.purposes]).toEqual(["document"]);
  });

  it("fails only the documents with texts in a failed request, and sends none of their other texts", async () => {
    const embedder = recording("bravo passage 1");
    const queue = new EmbeddingQueue(embedder, { batchSize: 2, parallel: 1, waitMs: 0 });
    const outcomes = await Promise.allSettled([
      queue.embed(texts("alpha", 1)),
      queue.embed(texts("bravo", 5)),
      queue.embed(texts("charlie", 2)),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    const sent = embedder.requests.flat();
    expect(sent).not.toContain("bravo passage 2");
    expect(sent).not.toContain("bravo passage 4");
    expect(sent).toContain("charlie passage 1");
  });

  it("holds a request that is not full while documents being prepared will add to it", async () => {
    const embedder = recording();
    const queue = new EmbeddingQueue(embedder, { batchSize: 8, parallel: 1, waitMs: 60_000 });
    for (let i = 0; i < 3; i++) queue.expect();
    const turn = () => new Promise((r) => setImmediate(r));
    const first = queue.embed(texts("alpha", 2), true);
    await turn();
    const second = queue.embed(texts("bravo", 2), true);
    await turn();
    expect(embedder.requests).toEqual([]);
    // The third document fails in extraction: nothing more is coming, the request goes.
    queue.withdraw();
    await Promise.all([first, second]);
    expect(embedder.requests).toEqual([[...texts("alpha", 2), ...texts("bravo", 2)]]);
  });

  it("sends a request that is not full after waitMs even if a document it waits for never comes", async () => {
    const embedder = recording();
    const queue = new EmbeddingQueue(embedder, { batchSize: 8, parallel: 1, waitMs: 5 });
    queue.expect();
    queue.expect();
    expect(await queue.embed(texts("alpha", 1), true)).toHaveLength(1);
    expect(embedder.requests).toEqual([texts("alpha", 1)]);
  });

  it("answers a document without chunks at once", async () => {
    const embedder = recording();
    const queue = new EmbeddingQueue(embedder, { batchSize: 8, parallel: 1, waitMs: 0 });
    expect(await queue.embed([])).toEqual([]);
    expect(embedder.requests).toEqual([]);
  });

  it("sends each document's share of a failed request again alone when asked to, failing only the refused one", async () => {
    const embedder = recording("bravo passage 1");
    const queue = new EmbeddingQueue(embedder, { batchSize: 8, parallel: 1, waitMs: 0, isolate: () => true });
    const outcomes = await Promise.allSettled([
      queue.embed(texts("alpha", 1)),
      queue.embed(texts("bravo", 2)),
      queue.embed(texts("charlie", 2)),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    // alpha alone (nothing else had arrived), bravo and charlie together (refused), then each alone.
    expect(embedder.requests).toEqual([
      texts("alpha", 1),
      [...texts("bravo", 2), ...texts("charlie", 2)],
      texts("bravo", 2),
      texts("charlie", 2),
    ]);
  });
});
