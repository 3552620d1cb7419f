import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type EmbeddedStack, startEmbeddedStack, uploadForm } from "../../tests/support/embedded-stack.js";
import { sql } from "../db/sql.js";
import { ApiError } from "../errors/api-error.js";
import type { VectorStore } from "../vectors/vector-store.js";
import { claimDocuments } from "./claim-documents.js";
import { retryDelayS } from "./index-pipeline.js";
import { runIndex } from "./run-index.js";

let stack: EmbeddedStack;
beforeAll(async () => {
  stack = await startEmbeddedStack();
});
afterAll(() => stack.close());

/** The real vector store, with its upserts refused as an open breaker would refuse them. */
function vectorsDown(vectors: VectorStore): VectorStore {
  return {
    ...vectors,
    ensureCollection: (c) => vectors.ensureCollection(c),
    query: (...args) => vectors.query(...args),
    deleteDocuments: (...args) => vectors.deleteDocuments(...args),
    countDocument: (...args) => vectors.countDocument(...args),
    count: (c) => vectors.count(c),
    upsert: async () => {
      throw new ApiError("service_unavailable", "The vector store is unavailable; retry later", {
        retryAfter: 5,
      });
    },
  };
}

describe("indexing when a dependency is unavailable", () => {
  it("defers the document (pending, retried after a backoff) instead of failing it, and indexes it once the dependency is back", async () => {
    const collection = await stack.createCollection();
    const up = await stack.json<{ document: { id: string } }>("/documents", {
      method: "POST",
      body: uploadForm(collection, { name: "outage.txt", bytes: "Written while the vector store was away." }),
    });
    const id = up.body.document.id;
    const deps = { ...stack.deps, vectors: vectorsDown(stack.deps.vectors), batchSize: 8 };

    const first = await runIndex(deps, { collectionId: collection, limit: 10, leaseS: 600 });
    expect(first).toMatchObject({ claimed: 1, indexed: 0, failed: 0, deferred: 1 });
    const [row] = await stack.deps.db.query<{
      index_status: string;
      index_error: string;
      waits: boolean;
      index_deferrals: number;
    }>(
      sql`select index_status, index_error, index_retry_at > now() as waits, index_deferrals from documents where id = ${id}`,
    );
    // Counted as a deferral, which the attempt limit leaves out (tests/embedded/attempt-limit.test.ts).
    expect(row).toMatchObject({ index_status: "pending", waits: true, index_deferrals: 1 });
    expect(row?.index_error).toContain("unavailable");
    // Not claimable before its time: a worker does not spin on an outage.
    expect(await claimDocuments(stack.deps.db, { collectionId: collection, limit: 10, leaseS: 600 })).toEqual(
      [],
    );

    // Its time comes; the store is back.
    await stack.deps.db.query(sql`update documents set index_retry_at = now() where id = ${id}`);
    const second = await runIndex(
      { ...stack.deps, batchSize: 8 },
      { collectionId: collection, limit: 10, leaseS: 600 },
    );
    expect(second).toMatchObject({ claimed: 1, indexed: 1, deferred: 0 });
    const [done] = await stack.deps.db.query<{
      index_status: string;
      index_error: string | null;
      attempts: number;
    }>(sql`select index_status, index_error, index_attempts as attempts from documents where id = ${id}`);
    expect(done).toEqual({ index_status: "indexed", index_error: null, attempts: 2 });
  });

  it("fails outright on errors that another try would not fix", async () => {
    const collection = await stack.createCollection();
    await stack.json("/documents", {
      method: "POST",
      body: uploadForm(collection, {
        name: "broken.pdf",
        bytes: "%PDF-1.4 not really a pdf",
        type: "application/pdf",
      }),
    });
    const run = await runIndex(
      { ...stack.deps, batchSize: 8 },
      { collectionId: collection, limit: 10, leaseS: 600 },
    );
    expect(run).toMatchObject({ claimed: 1, failed: 1, deferred: 0 });
  });

  it("backs off 1, 2, 4, 8 s and no longer", () => {
    expect([1, 2, 3, 4, 5, 12].map(retryDelayS)).toEqual([1, 2, 4, 8, 8, 8]);
  });
});
