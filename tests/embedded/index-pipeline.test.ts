import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../shared/db/database.js";
import { render, sql } from "../../shared/db/sql.js";
import type { Embedder } from "../../shared/embeddings/embedder.js";
import { claimDocuments } from "../../shared/indexing/claim-documents.js";
import { IndexPipeline } from "../../shared/indexing/index-pipeline.js";
import { runIndex } from "../../shared/indexing/run-index.js";
import type { VectorStore } from "../../shared/vectors/vector-store.js";
import { type EmbeddedStack, startEmbeddedStack, uploadText } from "../support/embedded-stack.js";
import { withUpsert } from "../support/replaced-upsert.js";

let stack: EmbeddedStack;
beforeAll(async () => {
  stack = await startEmbeddedStack({ INDEX_CONCURRENCY: "6", INDEX_EMBED_WAIT_MS: "60000" });
});
afterAll(() => stack.close());

const upload = (collection: string, name: string, text: string) => uploadText(stack, collection, name, text);

/** The stack's vector store, with `upsert` replaced (to act between a group's steps). */
const withStackUpsert = (upsert: VectorStore["upsert"]): VectorStore =>
  withUpsert(stack.deps.vectors, upsert);

/** The stack's embedder, with each request's size written down and a hook before each. */
function watched(embedder: Embedder, before?: (call: number) => Promise<void>) {
  const sizes: number[] = [];
  const wrapped: Embedder = {
    kind: embedder.kind,
    model: embedder.model,
    dimension: embedder.dimension,
    ping: () => embedder.ping(),
    async embed(texts, purpose) {
      sizes.push(texts.length);
      await before?.(sizes.length);
      return embedder.embed(texts, purpose);
    },
  };
  return { sizes, wrapped };
}

async function stored(collection: string) {
  return stack.deps.db.query<{ id: string; index_status: string; chunk_count: number; chunks: number }>(sql`
    select d.id, d.index_status, d.chunk_count,
      (select count(*)::int from chunks c where c.document_id = d.id) as chunks
    from documents d where d.collection_id = ${collection} order by d.filename`);
}

describe("the index pipeline", () => {
  it("indexes several documents at once, filling embedding requests with the chunks of more than one", async () => {
    const collection = await stack.createCollection();
    for (let i = 0; i < 10; i++)
      await upload(collection, `note-${i}.txt`, `Short note number ${i} about the harbour tides and berths.`);
    const { sizes, wrapped } = watched(stack.deps.embedder);
    const run = await runIndex(
      { ...stack.deps, embedder: wrapped, batchSize: 64 },
      { collectionId: collection, limit: 10, leaseS: 600 },
    );
    expect(run).toMatchObject({ claimed: 10, indexed: 10, failed: 0 });
    // One chunk per note: one request per note if documents went one at a time.
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(10);
    expect(sizes.length).toBeLessThan(10);
    expect(Math.max(...sizes)).toBeGreaterThan(1);
    for (const row of await stored(collection)) {
      expect(row).toMatchObject({ index_status: "indexed", chunk_count: 1, chunks: 1 });
      expect(await stack.deps.vectors.countDocument({ id: collection, dimension: 512 }, row.id)).toBe(1);
    }
  });

  it("leaves nothing of a document deleted while it was in the pipeline, and indexes the others", async () => {
    const collection = await stack.createCollection();
    const ids: string[] = [];
    for (let i = 0; i < 4; i++)
      ids.push(
        await upload(
          collection,
          `report-${i}.txt`,
          `Report ${i}. ${"The tide rose at the berth. ".repeat(80)}`,
        ),
      );
    const victim = ids[1] as string;
    const { wrapped } = watched(stack.deps.embedder, async (call) => {
      if (call !== 1) return;
      const gone = await stack.json(`/documents/${victim}`, { method: "DELETE" });
      expect(gone.status).toBe(204);
    });
    const run = await runIndex(
      { ...stack.deps, embedder: wrapped, batchSize: 4 },
      { collectionId: collection, limit: 10, leaseS: 600 },
    );
    expect(run.claimed).toBe(4);
    expect(run.documents.find((d) => d.id === victim)?.status).toBe("abandoned");
    expect(run.indexed).toBe(3);
    const target = { id: collection, dimension: 512 };
    expect(await stack.deps.vectors.countDocument(target, victim)).toBe(0);
    const [left] = await stack.deps.db.query<{ chunks: number; rows: number }>(sql`
      select (select count(*)::int from chunks where document_id = ${victim}) as chunks,
        (select count(*)::int from documents where id = ${victim}) as rows`);
    expect(left).toEqual({ chunks: 0, rows: 0 });
    for (const row of (await stored(collection)).filter((r) => r.id !== victim)) {
      expect(row.index_status).toBe("indexed");
      expect(row.chunks).toBe(row.chunk_count);
      expect(await stack.deps.vectors.countDocument(target, row.id)).toBe(row.chunk_count);
    }
  });

  it("fails only the document whose text the embedder refuses, not the others sharing its request", async () => {
    const collection = await stack.createCollection();
    const clean = await upload(collection, "a-clean.txt", "A clean note about the harbour tides.");
    const poison = await upload(collection, "b-poison.txt", "A note the embedder refuses: POISON.");
    const { sizes, wrapped } = watched(stack.deps.embedder, async () => {});
    const refusing: Embedder = {
      ...wrapped,
      kind: wrapped.kind,
      model: wrapped.model,
      dimension: wrapped.dimension,
      async embed(texts, purpose) {
        if (texts.some((t) => t.includes("POISON"))) {
          sizes.push(texts.length);
          throw new Error("the embedder refused an input");
        }
        return wrapped.embed(texts, purpose);
      },
    };
    const run = await runIndex(
      { ...stack.deps, embedder: refusing, batchSize: 64 },
      { collectionId: collection, limit: 10, leaseS: 600 },
    );
    // Both documents' chunks went out in one request (the premise of this test).
    expect(sizes[0]).toBe(2);
    expect(run.documents.find((d) => d.id === poison)?.status).toBe("failed");
    expect(run.documents.find((d) => d.id === clean)?.status).toBe("indexed");
  });

  it("does not hold an embedding request for a document that waits for room in the in-flight budget", async () => {
    const collection = await stack.createCollection();
    // Two documents of about 300 chunks: each holds more than the 1 MiB budget once chunked
    // (300 vectors of 512 dimensions), so the second waits for the first to finish.
    for (const name of ["a-first.txt", "b-second.txt"])
      await upload(
        collection,
        name,
        Array.from(
          { length: 300 },
          (_, i) => `${name} section ${i}. ${"The tide rose at the berth. ".repeat(40)}`,
        ).join("\n\n"),
      );
    const run = await runIndex(
      {
        ...stack.deps,
        config: { ...stack.deps.config, INDEX_INFLIGHT_MB: 1, INDEX_EMBED_WAIT_MS: 60_000 },
        batchSize: 64,
      },
      { collectionId: collection, limit: 10, leaseS: 600 },
    );
    expect(run).toMatchObject({ claimed: 2, indexed: 2 });
    for (const row of await stored(collection)) expect(row.chunk_count).toBeGreaterThan(200);
    // Without the fix the first document's last request waits INDEX_EMBED_WAIT_MS (60 s) for
    // texts the second cannot send before the first is done: this test then times out.
  }, 30_000);

  it.each([
    { transaction: "commits", fails: false },
    { transaction: "fails", fails: true },
  ])("takes back the vectors of a document deleted mid-commit when the group's transaction $transaction", async ({
    fails,
  }) => {
    const collection = await stack.createCollection();
    const victim = await upload(
      collection,
      "a-victim.txt",
      "A document deleted while its vectors were written.",
    );
    const kept = await upload(collection, "b-kept.txt", "A document that stays, about the harbour.");
    let deleted = false;
    const vectors = withStackUpsert(async (c, records) => {
      if (!deleted) {
        // Deleted (and purged: vectors, object, row) after the commit checked the claims and
        // before the vectors land.
        deleted = true;
        const gone = await stack.json(`/documents/${victim}`, { method: "DELETE" });
        expect(gone.status).toBe(204);
      }
      return stack.deps.vectors.upsert(c, records);
    });
    let failed = false;
    const db: Database = {
      ...stack.deps.db,
      kind: stack.deps.db.kind,
      query: (statement) => stack.deps.db.query(statement),
      transaction(fn) {
        // The claim's transaction goes through; the group's, after the upsert, fails once.
        if (!fails || !deleted || failed) return stack.deps.db.transaction(fn);
        failed = true;
        // A deadlock, say, or a statement timeout on a large insert.
        return Promise.reject(Object.assign(new Error("deadlock detected"), { code: "40P01" }));
      },
    };
    const run = await runIndex(
      { ...stack.deps, db, vectors, batchSize: 64 },
      { collectionId: collection, limit: 10, leaseS: 600 },
    );
    expect(run.documents.map((d) => d.id).sort()).toEqual([kept, victim].sort());
    expect(run.documents.find((d) => d.id === victim)?.status).not.toBe("indexed");
    expect(await stack.deps.vectors.countDocument({ id: collection, dimension: 512 }, victim)).toBe(0);
  });

  it("replaces every vector an abandoned earlier try left, even when a requeue reset the count of tries", async () => {
    const collection = await stack.createCollection();
    const id = await upload(
      collection,
      "sections.txt",
      Array.from({ length: 6 }, (_, i) => `Section ${i}. ${"The tide rose at the berth. ".repeat(45)}`).join(
        "\n\n",
      ),
    );
    // The first try's vectors land, then the document is sent back to pending (POST .../reindex)
    // before its rows are written: that try ends abandoned and its vectors stay.
    let requeued = false;
    const vectors = withStackUpsert(async (c, records) => {
      await stack.deps.vectors.upsert(c, records);
      if (requeued) return;
      requeued = true;
      expect((await stack.request(`/documents/${id}/reindex`, { method: "POST" })).status).toBe(202);
    });
    const first = await runIndex(
      { ...stack.deps, vectors, batchSize: 64 },
      { collectionId: collection, limit: 10, leaseS: 600 },
    );
    expect(first.documents[0]?.status).toBe("abandoned");
    const target = { id: collection, dimension: 512 };
    const left = await stack.deps.vectors.countDocument(target, id);
    expect(left).toBeGreaterThan(1);
    // The next try cuts the file into fewer chunks (here larger chunks; as after an upgrade of the
    // chunker or of the extraction limits).
    await stack.deps.db.query(
      sql`update collections set chunking = '{"txt": {"size": 20000}}' where id = ${collection}`,
    );
    const second = await runIndex(
      { ...stack.deps, batchSize: 64 },
      { collectionId: collection, limit: 10, leaseS: 600 },
    );
    expect(second.documents[0]).toMatchObject({ status: "indexed", chunk_count: 1 });
    expect(await stack.deps.vectors.countDocument(target, id)).toBe(1);
  });

  it("renews the claim of a document in flight, so its lease does not run out while it waits", async () => {
    const collection = await stack.createCollection();
    const id = await upload(
      collection,
      "slow.txt",
      "A document whose extraction takes longer than the lease.",
    );
    let release: () => void = () => {};
    const extracting = new Promise<void>((resolve) => {
      release = resolve;
    });
    let startedExtraction: () => void = () => {};
    const inExtraction = new Promise<void>((resolve) => {
      startedExtraction = resolve;
    });
    // A lease of 30 ms: the pipeline renews every 10 ms.
    const pipeline = new IndexPipeline(
      {
        ...stack.deps,
        batchSize: 64,
        extractor: {
          formats: "all",
          async extractChunks(kind, bytes, options) {
            startedExtraction();
            await extracting;
            return stack.deps.extractor.extractChunks(kind, bytes, options);
          },
        },
      },
      { leaseS: 0.03 },
    );
    try {
      const [doc] = await claimDocuments(stack.deps.db, { collectionId: collection, limit: 1, leaseS: 600 });
      if (doc === undefined) throw new Error("nothing claimed");
      const outcome = pipeline.admit(doc);
      await inExtraction;
      // As if the last renewal were an hour old: the next one brings it back to now.
      await stack.deps.db.query(
        sql`update documents set claimed_at = now() - interval '1 hour' where id = ${id}`,
      );
      for (;;) {
        const [row] = await stack.deps.db.query<{ renewed: boolean }>(
          sql`select claimed_at > now() - interval '1 minute' as renewed from documents where id = ${id}`,
        );
        if (row?.renewed) break;
        await new Promise((r) => setTimeout(r, 10));
      }
      release();
      expect(await outcome).toMatchObject({ id, status: "indexed" });
    } finally {
      pipeline.close();
    }
  });
  it("takes the vectors back of documents whose rows could not be committed, and fails them with the reason", async () => {
    const collection = await stack.createCollection();
    const ids = [
      await upload(collection, "a.txt", "Berth allocations for the spring quarter."),
      await upload(collection, "b.txt", "Tide tables for the autumn quarter."),
    ];
    const db = stack.deps.db;
    // The real database, whose chunk inserts fail as a full disk would fail them.
    const failing: typeof db = {
      ...db,
      query: (statement) => db.query(statement),
      transaction: (fn) =>
        db.transaction((tx) =>
          fn({
            query: async (statement) => {
              if (render(statement).text.includes("insert into chunks"))
                throw new Error("could not extend file: No space left on device");
              return tx.query(statement);
            },
          }),
        ),
    };
    const run = await runIndex(
      { ...stack.deps, db: failing, batchSize: 16 },
      { collectionId: collection, limit: 10, leaseS: 600 },
    );
    expect(run).toMatchObject({ claimed: 2, failed: 2, indexed: 0 });
    for (const id of ids) {
      expect(await stack.deps.vectors.countDocument({ id: collection, dimension: 512 }, id)).toBe(0);
      const [row] = await db.query<{ index_status: string; index_error: string }>(
        sql`select index_status, index_error from documents where id = ${id}`,
      );
      expect(row?.index_status).toBe("failed");
      expect(row?.index_error).toContain("No space left");
    }
  });
});
