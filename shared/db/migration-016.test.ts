import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDocument } from "../../tests/support/seed-document.js";
import type { Database } from "./database.js";
import { loadMigrations, migrate } from "./migrate.js";
import { createPgliteDatabase } from "./pglite-database.js";
import { sql } from "./sql.js";

// Migration 016 rewrites every chunk (their tsvectors move into their rows). PGlite has no
// autovacuum: the migration's dead rows must be vacuumed and its tables analysed right after it,
// or keyword search runs on a doubled index without planner statistics until the next indexing.
describe("migration 016 on PGlite with chunks", () => {
  let db: Database;
  beforeAll(async () => {
    db = await createPgliteDatabase();
  });
  afterAll(() => db.close());

  it("leaves the chunks in their rows, analysed, with no dead rows behind", async () => {
    const all = await loadMigrations();
    await migrate(
      db,
      all.filter((m) => m.version < 16),
    );
    const { collection, document } = await seedDocument(db, "c");
    await db.query(sql`
      insert into chunks (document_id, collection_id, chunk_index, text)
      select ${document}::uuid, ${collection}::uuid, g, 'cells and mice number ' || g
      from generate_series(0, 199) g`);
    const before = await db.query(sql`select chunk_index, tsv::text, token_count from chunks order by 1`);

    expect(
      await migrate(
        db,
        all.filter((m) => m.version <= 16),
      ),
    ).toEqual(["016_keyword_search_storage.sql"]);

    expect(await db.query(sql`select chunk_index, tsv::text, token_count from chunks order by 1`)).toEqual(
      before,
    );
    await db.query(sql`select pg_stat_force_next_flush()`);
    const [stats] = await db.query<{ dead: string; analysed: boolean; reltuples: number }>(sql`
      select s.n_dead_tup::text as dead, s.last_analyze is not null or s.last_autoanalyze is not null as analysed,
        c.reltuples
      from pg_stat_user_tables s join pg_class c on c.oid = s.relid where s.relname = 'chunks'`);
    expect(stats).toEqual({ dead: "0", analysed: true, reltuples: 200 });
  });
});
