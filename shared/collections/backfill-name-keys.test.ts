import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../db/database.js";
import { loadMigrations, migrate } from "../db/migrate.js";
import { createPgliteDatabase } from "../db/pglite-database.js";
import { sql } from "../db/sql.js";
import { LexicalEmbedder } from "../embeddings/lexical-embedder.js";
import { draftCollection, insertCollection } from "./collections.js";

let db: Database;
beforeAll(async () => {
  db = await createPgliteDatabase();
});
afterAll(() => db.close());

describe("migration 010", () => {
  it("keys existing collections without failing on names that read alike, and refuses look-alikes after", async () => {
    const all = await loadMigrations();
    await migrate(
      db,
      all.filter((m) => m.version < 10),
    );
    const legacy = [
      ["Policies", "2024-01-01"],
      ["policies", "2024-01-02"],
      ["ｐｏｌｉｃｉｅｓ", "2024-01-03"],
      ["Minutes\u200b", "2024-01-04"],
      ["Budget", "2024-01-05"],
    ];
    for (const [name, at] of legacy) {
      await db.query(sql`
        insert into collections (id, name, embedding_model, embedding_dimension, created_at)
        values (${crypto.randomUUID()}, ${name}, 'm', 3, ${at}::timestamptz)`);
    }
    expect(await migrate(db, all)).toEqual(all.filter((m) => m.version >= 10).map((m) => m.name));

    const rows = await db.query<{ name: string; name_key: string; name_skeleton: string }>(
      sql`select name, name_key, name_skeleton from collections order by created_at`,
    );
    // Names are left as they were; the oldest of the look-alikes holds the plain keys.
    expect(rows.map((r) => r.name)).toEqual(legacy.map(([name]) => name));
    expect(rows.map((r) => r.name_key.split("\n")[0])).toEqual([
      "policies",
      "policies",
      "policies",
      "rninutes",
      "budget",
    ]);
    expect(rows.map((r) => r.name_key.includes("\n"))).toEqual([false, true, true, false, false]);
    // "Policies" and "policies" differ as written; NFKC makes the full-width one "policies".
    expect(rows.map((r) => r.name_skeleton.includes("\n"))).toEqual([false, false, true, false, false]);
    await expect(
      db.query(sql`insert into collections (id, name, embedding_model, embedding_dimension)
      values (${crypto.randomUUID()}, 'unkeyed', 'm', 3)`),
    ).rejects.toThrow(/name_key|name_skeleton/);

    const embedder = new LexicalEmbedder(3);
    for (const [name, existing] of [
      ["POLICIES", "Policies"],
      ["Minutes", "Minutes\u200b"],
      ["Вudget", "Budget"], // Cyrillic В
    ]) {
      await expect(draftCollection(db, { name: name ?? "" })).rejects.toThrow(
        `A collection named "${existing}" already exists`,
      );
    }
    const made = await insertCollection(db, await draftCollection(db, { name: " Procedures\r\n" }), embedder);
    expect(made.name).toBe("Procedures");
  });
});
