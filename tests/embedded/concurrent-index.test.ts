import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "../../shared/db/sql.js";
import { type EmbeddedStack, startEmbeddedStack, uploadForm } from "../support/embedded-stack.js";

let stack: EmbeddedStack;
beforeAll(async () => {
  stack = await startEmbeddedStack();
});
afterAll(() => stack.close());

interface Run {
  claimed: number;
  documents: { id: string; status: string }[];
}

describe("concurrent index runs", () => {
  it("index each document exactly once", async () => {
    const collection = await stack.createCollection();
    const ids: string[] = [];
    for (let i = 0; i < 12; i++) {
      const r = await stack.json<{ document: { id: string } }>("/documents", {
        method: "POST",
        body: uploadForm(collection, {
          name: `doc-${i}.txt`,
          bytes: `Document number ${i}. ${"Some filler sentence here. ".repeat(60)}`,
        }),
      });
      ids.push(r.body.document.id);
    }
    const run = () =>
      stack.json<Run>("/index/run", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ collection_id: collection, limit: 3 }),
      });
    const seen: string[] = [];
    for (;;) {
      const [a, b] = await Promise.all([run(), run()]);
      const both = [...a.body.documents, ...b.body.documents];
      seen.push(...both.map((d) => d.id));
      if (a.body.claimed + b.body.claimed === 0) break;
    }
    expect(seen.sort()).toEqual([...ids].sort());
    const rows = await stack.deps.db.query<{
      id: string;
      index_attempts: number;
      chunk_count: number;
      chunks: number;
    }>(sql`
      select d.id, d.index_attempts, d.chunk_count, (select count(*)::int from chunks c where c.document_id = d.id) as chunks
      from documents d where d.collection_id = ${collection}`);
    for (const row of rows) {
      expect(row.index_attempts).toBe(1);
      expect(row.chunks).toBe(row.chunk_count);
      expect(await stack.deps.vectors.countDocument({ id: collection, dimension: 512 }, row.id)).toBe(
        row.chunk_count,
      );
    }
  });

  it("takes over a claim whose worker died (lease expired)", async () => {
    const collection = await stack.createCollection();
    const r = await stack.json<{ document: { id: string } }>("/documents", {
      method: "POST",
      body: uploadForm(collection, { name: "stuck.txt", bytes: "A document whose first worker crashed." }),
    });
    const id = r.body.document.id;
    // Simulate a crash: claimed an hour ago, never finished.
    await stack.deps.db.query(sql`
      update documents set index_status = 'indexing', claim_token = gen_random_uuid(), claimed_at = now() - interval '1 hour',
        index_attempts = 1 where id = ${id}`);
    await stack.indexAll();
    const doc = await stack.json<{ index_status: string }>(`/documents/${id}`);
    expect(doc.body.index_status).toBe("indexed");
    const [row] = await stack.deps.db.query<{ index_attempts: number }>(
      sql`select index_attempts from documents where id = ${id}`,
    );
    expect(row?.index_attempts).toBe(2);
  });
});
