import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDocument } from "../../tests/support/seed-document.js";
import type { Database } from "../db/database.js";
import { loadMigrations, migrate } from "../db/migrate.js";
import { createPgliteDatabase } from "../db/pglite-database.js";
import { sql } from "../db/sql.js";

// Migration 014 on a database indexed before it: existing chunks keep their english analysis,
// those whose search form differs (CJK, compatibility forms) are re-analysed by its data step,
// and the BM25 counts of migration 008 and the index version follow.
let db: Database;
beforeAll(async () => {
  db = await createPgliteDatabase();
});
afterAll(() => db.close());

const texts = [
  "Cats chase mice across the old barn floor.",
  "我在北京大学学习",
  "ＤＯＣＳＴＡＣＫ ﬁnancial report",
  "학교에서 공부합니다",
];

async function chunkRows() {
  return db.query<{ text: string; tsv: string; token_count: number; search_text?: string | null }>(
    sql`select to_jsonb(c) ->> 'text' as text, to_jsonb(c) -> 'search_text' as search_text, tsv::text as tsv, token_count
        from chunks c order by chunk_index`,
  );
}

async function collectionRow(id: string) {
  const [row] = await db.query<{
    chunk_count: string;
    chunk_tokens: string;
    index_version: string;
    language: string;
  }>(
    sql`select chunk_count::text, chunk_tokens::text, index_version::text, language from collections where id = ${id}`,
  );
  return row;
}

describe("migration 014", () => {
  it("analyses existing chunks as the new ones are, keeping the BM25 counts exact", async () => {
    const all = await loadMigrations();
    await migrate(
      db,
      all.filter((m) => m.version < 14),
    );
    const { collection, document } = await seedDocument(db, "legacy");
    await db.query(sql`
      insert into chunks (document_id, collection_id, chunk_index, text)
      select ${document}::uuid, ${collection}::uuid, ordinality - 1, value
      from jsonb_array_elements_text(${JSON.stringify(texts)}::jsonb) with ordinality`);
    const before = await chunkRows();
    const [{ v: versionBefore } = { v: "" }] = await db.query<{ v: string }>(
      sql`select index_version::text as v from collections where id = ${collection}`,
    );

    await migrate(db, all);

    const after = await chunkRows();
    // English prose: nothing stored twice, the same analysis.
    expect(after[0]).toEqual({ ...before[0], search_text: null });
    // The others now carry their search form, and are analysed from it.
    expect(after.slice(1).map((r) => r.search_text)).toEqual([
      "我在 北京 大学 学习",
      "DOCSTACK financial report",
      "학교 교에 에서 공부 부합 합니 니다",
    ]);
    expect(after[1]?.tsv).toContain("'北京'");
    expect(after[2]?.tsv).toContain("'docstack'");
    expect(after[2]?.tsv).toContain("'financi'");
    expect(after[3]?.token_count).toBe(7);
    const row = await collectionRow(collection);
    const [counted] = await db.query<{ n: string; tokens: string }>(
      sql`select count(*)::text as n, sum(token_count)::text as tokens from chunks where collection_id = ${collection}`,
    );
    expect(row).toMatchObject({
      language: "english",
      chunk_count: counted?.n,
      chunk_tokens: counted?.tokens,
    });
    // Cached answers of the collection are stale now.
    expect(BigInt(row?.index_version ?? 0)).toBeGreaterThan(BigInt(versionBefore));
  });

  it("analyses every later write from the collection's language, whatever the writer puts in tsv", async () => {
    const collection = crypto.randomUUID();
    const document = crypto.randomUUID();
    await db.query(sql`
      insert into collections (id, name, name_key, name_skeleton, embedding_model, embedding_dimension, language)
      values (${collection}, 'fr', 'fr', 'fr', 'm', 3, 'french')`);
    await db.query(sql`
      insert into documents (id, filename, object_name, content_type, size, sha256, collection_id)
      values (${document}, 'b.txt', 'b', 'text/plain', 1, ${"1".repeat(64)}, ${collection})`);
    await db.query(sql`
      insert into chunks (document_id, collection_id, chunk_index, text, tsv, token_count)
      values (${document}, ${collection}, 0, 'Les chevaux', to_tsvector('simple', 'wrong'), 99)`);
    const [row] = await db.query<{ tsv: string; token_count: number }>(
      sql`select tsv::text as tsv, token_count from chunks where document_id = ${document}`,
    );
    expect(row).toEqual({ tsv: "'cheval':2 'le':1", token_count: 2 });
    await db.query(
      sql`update chunks set tsv = to_tsvector('simple', 'wrong') where document_id = ${document}`,
    );
    const [updated] = await db.query<{ tsv: string }>(
      sql`select tsv::text as tsv from chunks where document_id = ${document}`,
    );
    expect(updated?.tsv).toBe("'cheval':2 'le':1");
  });
});
