import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openMigratedDatabase } from "../../tests/support/pglite-snapshot.js";
import type { Database } from "../db/database.js";
import { loadMigrations, migrate } from "../db/migrate.js";
import { createPgliteDatabase } from "../db/pglite-database.js";
import { maintainTables } from "../db/pglite-maintenance.js";
import { raw, sql } from "../db/sql.js";
import { PgvectorStore } from "./pgvector-store.js";

// The built-in embedder's vectors have 512 dimensions, 2 kB a row: pgvector's type would store
// them out of line, and an exact scan would read the TOAST table for every one (migration 019).

/** Unit vectors in 512 dimensions, mostly zeros as the built-in embedder's are, spread by a fixed rule. */
function vector(i: number): number[] {
  const v = new Array<number>(512).fill(0);
  for (let k = 0; k < 12; k++) v[(i * 37 + k * k * 11) % 512] = Math.sin(i * 0.37 + k * 1.3) + 1.1;
  const norm = Math.hypot(...v);
  return v.map((x) => x / norm);
}

const records = (from: number, to: number, documentId = randomUUID()) =>
  Array.from({ length: to - from }, (_, i) => ({
    documentId,
    chunkIndex: from + i,
    embedding: vector(from + i),
  }));

/** Rows in the vectors table's TOAST relation: what the vectors stored out of line take. */
async function toastRows(db: Database): Promise<number> {
  const [rel] = await db.query<{ toast: string }>(
    sql`select reltoastrelid::regclass::text as toast from pg_class where oid = 'vectors'::regclass`,
  );
  const [row] = await db.query<{ n: number }>(raw(`select count(*)::int as n from ${rel?.toast}`));
  return row?.n ?? -1;
}

describe("migration 019 on PGlite with vectors", () => {
  let db: Database;
  beforeAll(async () => {
    db = await createPgliteDatabase();
  });
  afterAll(() => db.close());

  it("keeps new vectors in their rows and leaves the old ones readable", async () => {
    const all = await loadMigrations();
    await migrate(
      db,
      all.filter((m) => m.version < 19),
    );
    const collection = { id: randomUUID(), dimension: 512 };
    const store = new PgvectorStore(db);
    await store.ensureCollection(collection);
    await store.upsert(collection, records(0, 20));
    const before = await toastRows(db);
    expect(before).toBeGreaterThan(0);

    expect(
      await migrate(
        db,
        all.filter((m) => m.version <= 19),
      ),
    ).toEqual(["019_vector_storage.sql"]);
    await store.upsert(collection, records(20, 60));

    expect(await toastRows(db)).toBe(before);
    const page = await store.exportPage(collection, { limit: 100, offset: 0 });
    expect(page).toHaveLength(60);
    for (const r of page) {
      expect(r.embedding.map((x) => Math.fround(x))).toEqual(vector(r.chunkIndex).map((x) => Math.fround(x)));
    }
  });
});

describe("vector search on PGlite after maintenance", () => {
  let db: Database;
  beforeAll(async () => {
    db = await openMigratedDatabase();
  });
  afterAll(() => db.close());

  it("gives the planner the vectors' statistics and answers the exact top 10", async () => {
    const collection = { id: randomUUID(), dimension: 512 };
    const store = new PgvectorStore(db);
    await store.ensureCollection(collection);
    const stored = records(0, 400);
    await store.upsert(collection, stored);

    expect(await maintainTables(db)).toContain("analyze vectors (collection_id)");
    const [stats] = await db.query<{ reltuples: number; analysed: boolean }>(sql`
      select c.reltuples, exists (select from pg_stats s where s.tablename = 'vectors' and s.attname = 'collection_id') as analysed
      from pg_class c where c.oid = 'vectors'::regclass`);
    expect(stats).toEqual({ reltuples: 400, analysed: true });

    const dot = (a: number[], b: number[]) => a.reduce((s, x, k) => s + x * (b[k] ?? 0), 0);
    for (const q of [1000, 1001, 1002]) {
      const query = vector(q);
      const exact = stored
        .map((r) => ({ chunk: r.chunkIndex, score: dot(r.embedding, query) }))
        .sort((a, b) => b.score - a.score || a.chunk - b.chunk)
        .slice(0, 10);
      const hits = await store.query(collection, query, 10);
      expect(hits.map((h) => Math.round(h.score * 1e5))).toEqual(exact.map((r) => Math.round(r.score * 1e5)));
    }
  });
});
