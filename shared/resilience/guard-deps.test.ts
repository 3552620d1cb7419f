import { describe, expect, it } from "vitest";
import { openMigratedDatabase } from "../../tests/support/pglite-snapshot.js";
import { ApiError } from "../errors/api-error.js";
import { PgvectorStore } from "../vectors/pgvector-store.js";
import type { VectorStore } from "../vectors/vector-store.js";
import { CircuitBreaker } from "./circuit-breaker.js";
import { guardVectors, isDatabaseFailure } from "./guard-deps.js";

describe("isDatabaseFailure", () => {
  it("counts what the server could not do, and the driver's own errors", () => {
    expect(isDatabaseFailure(Object.assign(new Error("gone"), { code: "08006" }))).toBe(true);
    expect(isDatabaseFailure(Object.assign(new Error("timeout"), { code: "57014" }))).toBe(true);
    expect(isDatabaseFailure(new Error("ECONNREFUSED"))).toBe(true);
  });

  it("does not count answers: a constraint, or our own decision thrown inside a transaction", () => {
    expect(isDatabaseFailure(Object.assign(new Error("duplicate"), { code: "23505" }))).toBe(false);
    expect(isDatabaseFailure(new ApiError("not_found", "Document x not found"))).toBe(false);
    expect(isDatabaseFailure(new ApiError("conflict", "taken"))).toBe(false);
  });

  it("looks through an error that wraps the database's own", () => {
    const refused = Object.assign(new Error("raise"), { code: "P0001" });
    const down = Object.assign(new Error("terminating"), { code: "57P01" });
    expect(isDatabaseFailure(new ApiError("service_unavailable", "audit", { cause: refused }))).toBe(false);
    expect(isDatabaseFailure(new ApiError("service_unavailable", "audit", { cause: down }))).toBe(true);
  });
});

describe("the vector store behind its breaker", () => {
  it("gives each request of a large upsert its own time limit, not the whole upsert one", async () => {
    const db = await openMigratedDatabase();
    try {
      const store = new PgvectorStore(db);
      const requests: number[] = [];
      const recording: VectorStore = {
        kind: store.kind,
        ensureCollection: (c) => store.ensureCollection(c),
        upsert: (c, records) => {
          requests.push(records.length);
          return store.upsert(c, records);
        },
        query: (...args) => store.query(...args),
        deleteDocuments: (...args) => store.deleteDocuments(...args),
        countDocument: (...args) => store.countDocument(...args),
        count: (c) => store.count(c),
        exportPage: (...args) => store.exportPage(...args),
        dropCollection: (c) => store.dropCollection(c),
        ping: () => store.ping(),
      };
      const guarded = guardVectors(recording, new CircuitBreaker("The vector store", { timeoutMs: 10_000 }));
      const collection = { id: crypto.randomUUID(), dimension: 4 };
      await guarded.ensureCollection(collection);
      // A group of documents written at once: 1,200 vectors, which Chroma takes about 3 s to insert.
      const documentId = crypto.randomUUID();
      await guarded.upsert(
        collection,
        Array.from({ length: 1200 }, (_, chunkIndex) => ({
          documentId,
          chunkIndex,
          embedding: [1, 0, 0, chunkIndex],
        })),
      );
      expect(requests).toEqual([500, 500, 200]);
      expect(await store.count(collection)).toBe(1200);
    } finally {
      await db.close();
    }
  });
});
