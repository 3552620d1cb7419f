import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { render, sql } from "../../shared/db/sql.js";
import type { Embedder } from "../../shared/embeddings/embedder.js";
import { runIndex } from "../../shared/indexing/run-index.js";
import { type EmbeddedStack, startEmbeddedStack, uploadForm } from "../support/embedded-stack.js";

let stack: EmbeddedStack;
beforeAll(async () => {
  stack = await startEmbeddedStack({ INDEX_CONCURRENCY: "6", INDEX_EMBED_WAIT_MS: "60000" });
});
afterAll(() => stack.close());

async function upload(collection: string, name: string, text: string): Promise<string> {
  const r = await stack.json<{ document: { id: string } }>("/documents", {
    method: "POST",
    body: uploadForm(collection, { name, bytes: text }),
  });
  expect(r.status).toBe(201);
  return r.body.document.id;
}

/** The stack's embedder, with each request's size written down and a hook before each. */
function watched(embedder: Embedder, before?: (call: number) => Promise<void>) {
  const sizes: number[] = [];
  const wrapped: Embedder = {
    kind: embedder.kind,
    model: embedder.model,
    dimension: embedder.dimension,
    ping: () => embedder.ping(),
    async embed(texts) {
      sizes.push(texts.length);
      await before?.(sizes.length);
      return embedder.embed(texts);
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
