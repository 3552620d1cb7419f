import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "../../shared/db/sql.js";
import { claimDocuments } from "../../shared/indexing/claim-documents.js";
import { type EmbeddedStack, startEmbeddedStack, uploadForm } from "../support/embedded-stack.js";

let stack: EmbeddedStack;
beforeAll(async () => {
  stack = await startEmbeddedStack({ INDEX_MAX_ATTEMPTS: "3" });
});
afterAll(() => stack.close());

async function upload(collection: string, name: string): Promise<string> {
  const r = await stack.json<{ document: { id: string } }>("/documents", {
    method: "POST",
    body: uploadForm(collection, { name, bytes: `The ${name} document, about tides.` }),
  });
  return r.body.document.id;
}

interface State {
  index_status: string;
  index_error: string | null;
  index_attempts: number;
  chunks: number;
}

async function state(id: string): Promise<State | undefined> {
  const [row] = await stack.deps.db.query<State>(sql`
    select index_status, index_error, index_attempts,
      (select count(*)::int from chunks where document_id = ${id}) as chunks
    from documents where id = ${id}`);
  return row;
}

/** What a process that died while indexing leaves behind: a claim nobody renews, `tries` counted. */
async function crashedDuring(id: string, tries: number, deferrals = 0): Promise<void> {
  await stack.deps.db.query(sql`
    update documents set index_status = 'indexing', claim_token = gen_random_uuid(),
      claimed_at = now() - interval '1 hour', index_attempts = ${tries}, index_deferrals = ${deferrals}
    where id = ${id}`);
}

describe("the attempt limit (INDEX_MAX_ATTEMPTS=3)", () => {
  it("fails a document whose last 3 tries never finished, instead of trying it again", async () => {
    const collection = await stack.createCollection();
    const id = await upload(collection, "killer.txt");
    await crashedDuring(id, 3);
    await stack.indexAll();
    expect(await state(id)).toEqual({
      index_status: "failed",
      index_error:
        "indexing did not finish after 3 attempts (each was cut short: the process crashed or was stopped, or its lease ran out; INDEX_MAX_ATTEMPTS)",
      index_attempts: 3,
      chunks: 0,
    });
  });

  it("tries again a document with fewer unfinished tries, and tries that ended deferred do not count", async () => {
    const collection = await stack.createCollection();
    const once = await upload(collection, "crashed-once.txt");
    const deferred = await upload(collection, "deferred-often.txt");
    await crashedDuring(once, 2);
    // Five tries, three of which were deferred for an outage: two unfinished.
    await crashedDuring(deferred, 5, 3);
    await stack.indexAll();
    expect(await state(once)).toMatchObject({ index_status: "indexed", index_attempts: 3, chunks: 1 });
    expect(await state(deferred)).toMatchObject({ index_status: "indexed", index_attempts: 6, chunks: 1 });
  });

  it("charges a try only to the document being worked on, not to the rest of a claimed batch", async () => {
    const collection = await stack.createCollection();
    const ids = [
      await upload(collection, "a.txt"),
      await upload(collection, "b.txt"),
      await upload(collection, "c.txt"),
    ];
    // Claimed as a batch, then the process dies before starting any of them, three times over.
    for (let i = 0; i < 3; i++) {
      const claimed = await claimDocuments(stack.deps.db, {
        collectionId: collection,
        limit: 10,
        leaseS: 600,
      });
      expect(claimed).toHaveLength(3);
      await stack.deps.db.query(sql`
        update documents set claimed_at = now() - interval '1 hour' where collection_id = ${collection}`);
    }
    await stack.indexAll();
    for (const id of ids) {
      expect(await state(id)).toMatchObject({ index_status: "indexed", index_attempts: 1 });
    }
  });

  it("starts over after POST /documents/{id}/reindex", async () => {
    const collection = await stack.createCollection();
    const id = await upload(collection, "retried.txt");
    await crashedDuring(id, 3);
    await stack.indexAll();
    expect(await state(id)).toMatchObject({ index_status: "failed" });
    const r = await stack.request(`/documents/${id}/reindex`, { method: "POST" });
    expect(r.status).toBe(202);
    await stack.indexAll();
    expect(await state(id)).toMatchObject({ index_status: "indexed", index_attempts: 1 });
  });
});
