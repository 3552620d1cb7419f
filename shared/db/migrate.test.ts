import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "./database.js";
import { loadMigrations, migrate, splitStatements } from "./migrate.js";
import { createPgliteDatabase } from "./pglite-database.js";
import { sql } from "./sql.js";

describe("splitStatements", () => {
  it("splits on top-level semicolons only", () => {
    const text = `create table a (x text default ';'); -- a comment; here
create function f() returns void language plpgsql as $$ begin perform 1; end; $$;
select 1`;
    expect(splitStatements(text)).toEqual([
      "create table a (x text default ';')",
      "create function f() returns void language plpgsql as $$ begin perform 1; end; $$",
      "select 1",
    ]);
  });
});

// The other suites load a snapshot the global setup migrated; this one runs the migrations from zero.
describe("migrate on a new database", () => {
  let db: Database;
  beforeAll(async () => {
    db = await createPgliteDatabase();
  });
  afterAll(() => db.close());

  it("applies every migration in order, records each, and applies nothing the second time", async () => {
    const names = (await loadMigrations()).map((m) => m.name);
    expect(names[0]).toBe("001_init.sql");
    expect(await migrate(db)).toEqual(names);
    const recorded = await db.query<{ name: string }>(
      sql`select name from schema_migrations order by version`,
    );
    expect(recorded.map((r) => r.name)).toEqual(names);
    const tables = await db.query<{ table_name: string }>(sql`
      select table_name from information_schema.tables where table_schema = 'public' order by table_name`);
    expect(tables.map((t) => t.table_name)).toEqual(
      expect.arrayContaining(["api_keys", "audit_logs", "chunks", "collections", "documents", "vectors"]),
    );
    expect(await migrate(db)).toEqual([]);
  });
});
