import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type EmbeddedStack, startEmbeddedStack, uploadForm } from "../../tests/support/embedded-stack.js";
import { sql } from "../db/sql.js";

// Keyword search is planned and run well on PGlite only if, after indexing, the planner has
// statistics for the tables it reads and the full-text index holds every chunk in its tree
// (PGlite has no autovacuum to see to either; pglite-maintenance.ts, migration 016).
let stack: EmbeddedStack;
beforeAll(async () => {
  stack = await startEmbeddedStack();
});
afterAll(() => stack.close());

async function index(texts: string[]): Promise<string> {
  const collection = await stack.createCollection();
  for (const [i, text] of texts.entries()) {
    await stack.json("/documents", {
      method: "POST",
      body: uploadForm(collection, { name: `${i}.txt`, bytes: text }),
    });
  }
  await stack.indexAll();
  return collection;
}

const words = ["cells", "mice", "protein", "tumour", "therapy", "gene", "patients", "risk", "dose", "trial"];
const texts = Array.from(
  { length: 80 },
  (_, i) =>
    `${Array.from({ length: 40 }, (_, j) => words[(i * 7 + j * 3) % words.length]).join(" ")} document ${i}`,
);

describe("keyword search on PGlite after indexing", () => {
  it("has planner statistics for chunks and documents", async () => {
    await index(texts);
    const rows = await stack.deps.db.query<{ tablename: string; attname: string }>(sql`
      select tablename, attname from pg_stats
      where schemaname = 'public' and (tablename, attname) in (('chunks', 'collection_id'), ('documents', 'id'))
      order by tablename`);
    expect(rows).toEqual([
      { tablename: "chunks", attname: "collection_id" },
      { tablename: "documents", attname: "id" },
    ]);
    const [chunks] = await stack.deps.db.query<{ reltuples: number }>(
      sql`select reltuples from pg_class where oid = 'chunks'::regclass`,
    );
    // Analysed as autovacuum would be: once 50 rows and a tenth of the table have changed.
    expect(chunks?.reltuples).toBeGreaterThan(50);
  });

  it("finds new chunks in the full-text index's tree, with nothing left pending", async () => {
    await index(texts.slice(0, 5));
    const [pending] = await stack.deps.db.query<{ pages: number }>(
      sql`select gin_clean_pending_list('chunks_tsv'::regclass) as pages`,
    );
    expect(Number(pending?.pages)).toBe(0);
  });

  it("keeps each chunk's tsvector in its row", async () => {
    const [tsv] = await stack.deps.db.query<{ storage: string }>(
      sql`select attstorage as storage from pg_attribute where attrelid = 'chunks'::regclass and attname = 'tsv'`,
    );
    expect(tsv?.storage).toBe("m");
  });
});
