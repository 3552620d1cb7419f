import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "../../shared/db/sql.js";
import type { Embedder } from "../../shared/embeddings/embedder.js";
import { claimDocuments } from "../../shared/indexing/claim-documents.js";
import { startIndexWorker } from "../../shared/indexing/index-worker.js";
import type { VectorStore } from "../../shared/vectors/vector-store.js";
import { type EmbeddedStack, startEmbeddedStack, uploadText } from "../support/embedded-stack.js";
import { withUpsert } from "../support/replaced-upsert.js";
import { within } from "../support/within.js";

let stack: EmbeddedStack;
beforeAll(async () => {
  stack = await startEmbeddedStack();
});
afterAll(() => stack.close());

/** A promise the test resolves by hand. */
function gate() {
  let open = () => {};
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { open, opened };
}

const startWorker = (embedder: Embedder, vectors: VectorStore = stack.deps.vectors) =>
  startIndexWorker(
    { ...stack.deps, embedder, vectors, batchSize: 16 },
    // A lease far longer than the test: a document claimable again did not wait it out.
    { pollMs: 50, batch: 8, leaseS: 3600, auditRetentionMonths: 24 },
  );

async function rows(collection: string) {
  return stack.deps.db.query<{
    id: string;
    index_status: string;
    claim_token: string | null;
    index_attempts: number;
    chunk_count: number;
    chunks: number;
  }>(sql`
    select d.id, d.index_status, d.claim_token, d.index_attempts, d.chunk_count,
      (select count(*)::int from chunks c where c.document_id = d.id) as chunks
    from documents d where d.collection_id = ${collection} order by d.filename`);
}

describe("a worker stopped gracefully", () => {
  it("hands back the claims of documents it has not begun writing: claimable again at once, their tries not counted", async () => {
    const collection = await stack.createCollection();
    for (let i = 0; i < 3; i++)
      await uploadText(stack, collection, `note-${i}.txt`, `Note ${i} about the harbour tides and berths.`);
    // The embedder holds every request: the documents stay claimed, their tries begun, mid-pipeline.
    const reached = gate();
    const held = gate();
    const real = stack.deps.embedder;
    const embedder: Embedder = {
      kind: real.kind,
      model: real.model,
      dimension: real.dimension,
      ping: () => real.ping(),
      async embed(texts, purpose) {
        reached.open();
        await held.opened;
        return real.embed(texts, purpose);
      },
    };
    const worker = startWorker(embedder);
    await within(reached.opened, 60, "the worker's first embedding request");
    const claimed = await rows(collection);
    expect(claimed.every((r) => r.index_status === "indexing")).toBe(true);
    // At least the document whose text reached the embedder has its try counted.
    expect(claimed.some((r) => r.index_attempts === 1)).toBe(true);

    await within(worker.stop(), 30, "stop() with the embedder still holding the documents");
    for (const row of await rows(collection))
      expect(row).toMatchObject({ index_status: "pending", claim_token: null, index_attempts: 0, chunks: 0 });
    const again = await claimDocuments(stack.deps.db, { collectionId: collection, limit: 10, leaseS: 3600 });
    expect(again.map((d) => d.id).sort()).toEqual(claimed.map((r) => r.id).sort());

    held.open();
  });

  it("finishes the documents whose writes have begun: indexed whole, not handed back half-written", async () => {
    const collection = await stack.createCollection();
    const id = await uploadText(
      stack,
      collection,
      "report.txt",
      `A long report. ${"The tide rose at the berth. ".repeat(300)}`,
    );
    // The vector write holds: the document is between its vectors and its rows when the stop comes.
    const reached = gate();
    const held = gate();
    const real = stack.deps.vectors;
    const vectors = withUpsert(real, async (...args) => {
      reached.open();
      await held.opened;
      return real.upsert(...args);
    });
    const worker = startWorker(stack.deps.embedder, vectors);
    await within(reached.opened, 60, "the worker's vector write");
    const stopped = worker.stop();
    held.open();
    await within(stopped, 60, "stop() once the write may go on");

    const [row] = await rows(collection);
    expect(row).toMatchObject({ id, index_status: "indexed", claim_token: null });
    expect(row?.chunks).toBeGreaterThan(1);
    expect(row?.chunks).toBe(row?.chunk_count);
    expect(await real.countDocument({ id: collection, dimension: 512 }, id)).toBe(row?.chunk_count);
  });
});
