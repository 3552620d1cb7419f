import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runIndex } from "../../shared/indexing/run-index.js";
import { type EmbeddedStack, startEmbeddedStack, uploadText } from "../support/embedded-stack.js";
import { type EmbeddingsStub, startEmbeddingsStub } from "../support/embeddings-stub.js";

let stub: EmbeddingsStub;
let stack: EmbeddedStack;
beforeAll(async () => {
  // A provider that refuses one input (400, as for a text past the model's context), whatever
  // else the request holds.
  stub = await startEmbeddingsStub({
    dimension: 8,
    decide: (arrival) =>
      arrival.input.some((t) => t.includes("POISON")) ? { kind: "status", status: 400 } : undefined,
  });
  stack = await startEmbeddedStack({
    EMBEDDER: "openai",
    EMBEDDINGS_URL: stub.url,
    EMBEDDINGS_MODEL: "stub-embeddings",
    EMBEDDINGS_DIMENSION: "8",
    INDEX_EMBED_WAIT_MS: "60000",
  });
});
afterAll(async () => {
  await stack.close();
  await stub.close();
});

const upload = (collection: string, name: string, text: string) => uploadText(stack, collection, name, text);

describe("a remote embedder refusing one document's text", () => {
  it("fails that document, not the others whose chunks shared its request, and not as an outage", async () => {
    const collection = await stack.createCollection();
    const clean = await upload(collection, "a-clean.txt", "A clean note about the harbour tides.");
    const poison = await upload(collection, "b-poison.txt", "A note the provider refuses: POISON.");
    const run = await runIndex(
      { ...stack.deps, batchSize: 64 },
      { collectionId: collection, limit: 10, leaseS: 600 },
    );
    // Both documents' chunks went out in one request first (the premise of this test).
    expect(stub.arrivals[0]?.input).toHaveLength(2);
    expect(run.documents.find((d) => d.id === poison)).toMatchObject({ status: "failed" });
    expect(run.documents.find((d) => d.id === poison)?.error).toContain("400");
    expect(run.documents.find((d) => d.id === clean)?.status).toBe("indexed");
  });
});
