import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "../../shared/db/sql.js";
import { reindexCollection } from "../../shared/indexing/reindex-collection.js";
import { type EmbeddedStack, startEmbeddedStack, uploadForm } from "../support/embedded-stack.js";
import { makeDocx, makePdf } from "../support/fixtures.js";

let stack: EmbeddedStack;
beforeAll(async () => {
  // Vectors are dropped behind the query function's back here (as a lost store would be): with
  // the answer cache on, the queries below would be served from it until its TTL.
  stack = await startEmbeddedStack({ QUERY_CACHE: "off" });
});
afterAll(() => stack.close());

async function populated(): Promise<string> {
  const collection = await stack.createCollection();
  const files = [
    {
      name: "ferry.pdf",
      bytes: await makePdf([["Ferry timetable.", "The harbour ferry leaves every forty minutes."]]),
    },
    { name: "grants.docx", bytes: await makeDocx(["Heritage grants close on the first of March."]) },
    {
      name: "bins.txt",
      bytes: "Recycling is collected on alternate Thursdays.\n\nGlass goes in the blue box.",
    },
  ];
  for (const file of files) {
    const r = await stack.request("/documents", { method: "POST", body: uploadForm(collection, file) });
    expect(r.status).toBe(201);
  }
  await stack.indexAll();
  return collection;
}

const vectorCount = async (collection: string) =>
  stack.deps.vectors.count({ id: collection, dimension: stack.deps.embedder.dimension });

async function vectorQuery(collection: string) {
  return stack.json<{ results: { document_id: string; chunk_index: number; score: number }[] }>("/query", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ collection_id: collection, query: "when does the ferry leave", mode: "vector" }),
  });
}

describe("npm run reindex (reindexCollection)", () => {
  it("rebuilds a lost vector collection from the documents, with the same answers", async () => {
    const collection = await populated();
    const before = await vectorQuery(collection);
    expect(before.status).toBe(200);
    const vectors = await vectorCount(collection);
    expect(vectors).toBeGreaterThanOrEqual(3);

    await stack.deps.vectors.dropCollection({ id: collection, dimension: stack.deps.embedder.dimension });
    expect((await vectorQuery(collection)).body.results).toEqual([]);

    const result = await reindexCollection(stack.deps, collection, { wait: true });
    expect(result).toMatchObject({ documents: 3, indexed: 3, failed: 0 });
    expect(await vectorCount(collection)).toBe(vectors);
    expect((await vectorQuery(collection)).body.results).toEqual(before.body.results);
    const rows = await stack.deps.db.query<{ index_attempts: number; chunk_count: number }>(
      sql`select index_attempts, chunk_count from documents where collection_id = ${collection}`,
    );
    // Released as new, indexed exactly once more.
    expect(rows.map((r) => r.index_attempts)).toEqual([1, 1, 1]);
  });

  it("moves a collection made with another embedding model to the configured one", async () => {
    const collection = await populated();
    // As if the collection had been made under another model: queries are refused.
    await stack.deps.db.query(
      sql`update collections set embedding_model = 'old-model-v1', embedding_dimension = 384 where id = ${collection}`,
    );
    const refused = await vectorQuery(collection);
    expect(refused.status).toBe(409);

    const result = await reindexCollection(stack.deps, collection, { wait: true });
    expect(result.from).toEqual({ model: "old-model-v1", dimension: 384 });
    expect(result.to).toEqual({ model: stack.deps.embedder.model, dimension: stack.deps.embedder.dimension });
    expect(result).toMatchObject({ indexed: 3, failed: 0 });
    const after = await vectorQuery(collection);
    expect(after.status).toBe(200);
    expect(after.body.results[0]?.document_id).toBeDefined();
    const [chunks] = await stack.deps.db.query<{ n: number }>(
      sql`select count(*)::int as n from chunks where collection_id = ${collection}`,
    );
    expect(await vectorCount(collection)).toBe(chunks?.n);
  });

  it("refuses an unknown collection and changes nothing", async () => {
    const before = await stack.counts();
    await expect(reindexCollection(stack.deps, crypto.randomUUID(), { wait: true })).rejects.toThrow(
      /not found/,
    );
    expect(await stack.counts()).toEqual(before);
  });
});
