import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { processMetrics } from "../../shared/metrics/registry.js";
import { type EmbeddedStack, startEmbeddedStack, uploadForm } from "../support/embedded-stack.js";
import { type EmbeddingsStub, startEmbeddingsStub } from "../support/embeddings-stub.js";

let stub: EmbeddingsStub;
let stack: EmbeddedStack;
beforeAll(async () => {
  // The provider's limit: 4 requests a second, then 429 with Retry-After.
  stub = await startEmbeddingsStub({ dimension: 8, requestsPerWindow: 4, windowMs: 1000, holdMs: 5 });
  stack = await startEmbeddedStack({
    EMBEDDER: "openai",
    EMBEDDINGS_URL: stub.url,
    EMBEDDINGS_MODEL: "stub-embeddings",
    EMBEDDINGS_DIMENSION: "8",
    EMBED_BATCH_SIZE: "4",
    EMBEDDINGS_CONCURRENCY: "2",
  });
});
afterAll(async () => {
  await stack.close();
  await stub.close();
});

async function retried(): Promise<number> {
  const line = (await processMetrics.render())
    .split("\n")
    .find((l) => l.startsWith('docstack_embedder_retries_total{reason="throttled"} '));
  return Number(line?.split(" ")[1] ?? 0);
}

describe("indexing through a remote embedder that throttles", () => {
  it("indexes every uploaded document, retrying only the refused requests", async () => {
    const collection = await stack.createCollection();
    const before = await retried();
    for (let i = 0; i < 8; i++) {
      const paragraphs = Array.from(
        { length: 36 },
        (_, p) =>
          `Paragraph ${p} of document ${i} talks about topic ${i * 36 + p}. ${"Filler words go here. ".repeat(12)}`,
      );
      const up = await stack.request("/documents", {
        method: "POST",
        body: uploadForm(collection, { name: `doc-${i}.txt`, bytes: paragraphs.join("\n\n") }),
      });
      expect(up.status).toBe(201);
    }
    await stack.indexAll();

    const status = await stack.json<{ counts: Record<string, number>; chunks: number }>(
      `/index/status?collection_id=${collection}`,
    );
    expect(status.body.counts).toEqual({ pending: 0, indexing: 0, indexed: 8, failed: 0 });
    const served429 = stub.served(429);
    expect(served429).toBeGreaterThan(0);
    expect((await retried()) - before).toBe(served429);
    expect(stub.served(200)).toBe(stub.arrivals.length - served429);
    expect(stub.maxInFlight()).toBeLessThanOrEqual(2);
    console.log(
      `8 documents, ${status.body.chunks} chunks: ${stub.served(200)} embedding requests, ${served429} answered 429 and retried`,
    );
  });
});
