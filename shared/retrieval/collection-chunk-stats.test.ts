import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type EmbeddedStack, startEmbeddedStack, uploadForm } from "../../tests/support/embedded-stack.js";
import { sql } from "../db/sql.js";

// BM25 reads N and avgdl from counts that triggers keep on the collection's row (migration 008).
// Each step below writes chunks by another path; after each, the row must equal a count over
// the chunks themselves, for this collection and for a neighbour that must not move.
let stack: EmbeddedStack;
beforeAll(async () => {
  stack = await startEmbeddedStack();
});
afterAll(() => stack.close());

async function statsOf(collection: string) {
  const [kept] = await stack.deps.db.query<{ n: string; tokens: string }>(
    sql`select chunk_count::text as n, chunk_tokens::text as tokens from collections where id = ${collection}`,
  );
  const [counted] = await stack.deps.db.query<{ n: string; tokens: string }>(
    sql`select count(*)::text as n, coalesce(sum(token_count), 0)::text as tokens from chunks where collection_id = ${collection}`,
  );
  return { kept, counted };
}

async function upload(collection: string, name: string, text: string): Promise<string> {
  const r = await stack.json<{ document: { id: string } }>("/documents", {
    method: "POST",
    body: uploadForm(collection, { name, bytes: text }),
  });
  return r.body.document.id;
}

describe("collection chunk statistics", () => {
  it("stay equal to the chunks through indexing, re-indexing, updates and deletes", async () => {
    const collection = await stack.createCollection();
    const neighbour = await stack.createCollection();
    await upload(neighbour, "n.txt", "Neighbouring words that must not count here.");
    expect((await statsOf(collection)).kept).toEqual({ n: "0", tokens: "0" });

    const a = await upload(collection, "a.txt", "Cats chase mice across the old barn floor.");
    await upload(collection, "b.txt", "Owls hunt mice at night; cats sleep in the barn.");
    await stack.indexAll();
    let s = await statsOf(collection);
    expect(s.kept).toEqual(s.counted);
    expect(Number(s.kept?.n)).toBe(2);
    expect(Number(s.kept?.tokens)).toBeGreaterThan(8);
    const neighbourBefore = (await statsOf(neighbour)).kept;
    expect(neighbourBefore).toEqual((await statsOf(neighbour)).counted);

    // Re-indexing a document deletes and inserts its chunks in one transaction.
    await stack.deps.db.query(
      sql`update documents set index_status = 'pending', is_indexed = false where id = ${a}`,
    );
    await stack.indexAll();
    s = await statsOf(collection);
    expect(s.kept).toEqual(s.counted);

    // A chunk's text rewritten in place (its token count is computed from it).
    await stack.deps.db.query(
      sql`update chunks set text = 'a much longer text about cats and mice and barns and owls and nights' where document_id = ${a}`,
    );
    s = await statsOf(collection);
    expect(s.kept).toEqual(s.counted);

    // Deleting a document through the API: its chunks go by the foreign key's cascade.
    const del = await stack.request(`/documents/${a}`, { method: "DELETE" });
    expect(del.status).toBe(204);
    s = await statsOf(collection);
    expect(s.kept).toEqual(s.counted);
    expect(s.kept?.n).toBe("1");

    await stack.deps.db.query(sql`delete from chunks where collection_id = ${collection}`);
    expect((await statsOf(collection)).kept).toEqual({ n: "0", tokens: "0" });
    expect((await statsOf(neighbour)).kept).toEqual(neighbourBefore);
  });
});
