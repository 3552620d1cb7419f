import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openMigratedDatabase } from "../../tests/support/pglite-snapshot.js";
import type { Database } from "../db/database.js";
import { sql } from "../db/sql.js";
import { PgvectorStore, pgvectorHnsw } from "./pgvector-store.js";

let db: Database;
beforeAll(async () => {
  db = await openMigratedDatabase();
});
afterAll(() => db.close());

/** The build options of a collection's HNSW index, as PostgreSQL stored them. */
async function indexOptions(collectionId: string): Promise<string[]> {
  const [row] = await db.query<{ options: string[] | null }>(sql`
    select c.reloptions as options from pg_class c join pg_am a on a.oid = c.relam
    where a.amname = 'hnsw' and c.relname = ${`vectors_hnsw_${collectionId.replaceAll("-", "")}`}`);
  if (row === undefined) throw new Error(`no HNSW index for ${collectionId}`);
  return row.options ?? [];
}

/** Unit vectors in 8 dimensions, spread by a fixed rule so the nearest ones are known. */
function vector(i: number): number[] {
  const v = Array.from({ length: 8 }, (_, k) => Math.sin(i * 0.37 + k * 1.3) + (k === i % 8 ? 1 : 0));
  const norm = Math.hypot(...v);
  return v.map((x) => x / norm);
}

describe("PgvectorStore's HNSW index", () => {
  it("is made with the measured m and ef_construction", async () => {
    const collection = { id: randomUUID(), dimension: 8 };
    await new PgvectorStore(db).ensureCollection(collection);
    expect((await indexOptions(collection.id)).sort()).toEqual(
      [`ef_construction=${pgvectorHnsw.efConstruction}`, `m=${pgvectorHnsw.m}`].sort(),
    );
  });

  it("keeps the settings of an index made before (a collection is only re-made by a reindex)", async () => {
    const collection = { id: randomUUID(), dimension: 8 };
    await new PgvectorStore(db, { m: 24, efConstruction: 100, efSearch: 40 }).ensureCollection(collection);
    await new PgvectorStore(db).ensureCollection(collection);
    expect((await indexOptions(collection.id)).sort()).toEqual(["ef_construction=100", "m=24"]);
  });

  it("answers the exact top 10 through the index", async () => {
    const collection = { id: randomUUID(), dimension: 8 };
    const store = new PgvectorStore(db);
    await store.ensureCollection(collection);
    const documentId = randomUUID();
    const records = Array.from({ length: 300 }, (_, i) => ({
      documentId,
      chunkIndex: i,
      embedding: vector(i),
    }));
    await store.upsert(collection, records);
    const query = vector(1000);
    const dot = (a: number[], b: number[]) => a.reduce((s, x, k) => s + x * (b[k] ?? 0), 0);
    const exact = records
      .map((r) => ({ chunk: r.chunkIndex, score: dot(r.embedding, query) }))
      .sort((a, b) => b.score - a.score)
      .slice(0, 10)
      .map((r) => r.chunk);
    const hits = await store.query(collection, query, 10);
    expect(hits.map((h) => h.chunkIndex)).toEqual(exact);
  });
});
