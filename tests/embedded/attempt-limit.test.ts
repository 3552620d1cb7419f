import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../shared/db/database.js";
import { sql } from "../../shared/db/sql.js";
import { claimDocuments } from "../../shared/indexing/claim-documents.js";
import { IndexPipeline } from "../../shared/indexing/index-pipeline.js";
import { type EmbeddedStack, startEmbeddedStack, uploadForm } from "../support/embedded-stack.js";

let stack: EmbeddedStack;
beforeAll(async () => {
  stack = await startEmbeddedStack({ INDEX_MAX_ATTEMPTS: "3" });
});
afterAll(() => stack.close());

async function upload(collection: string, name: string, text = `The ${name} document, about tides.`) {
  const r = await stack.json<{ document: { id: string } }>("/documents", {
    method: "POST",
    body: uploadForm(collection, { name, bytes: text }),
  });
  return r.body.document.id;
}

/**
 * One life of a worker process that dies as soon as it starts extracting a file containing
 * "CULPRIT": from then on nothing it had in flight goes any further (no query, no extraction,
 * no embedding), and its claims stop being renewed until their lease runs out.
 */
async function crashingRun(collection: string): Promise<void> {
  const never = new Promise<never>(() => {});
  let dead = false;
  let died: () => void = () => {};
  const death = new Promise<void>((resolve) => {
    died = resolve;
  });
  const db: Database = {
    ...stack.deps.db,
    kind: stack.deps.db.kind,
    query: (statement) => (dead ? never : stack.deps.db.query(statement)),
    transaction: (fn) => (dead ? never : stack.deps.db.transaction(fn)),
  };
  const pipeline = new IndexPipeline(
    {
      ...stack.deps,
      // The others wait for the culprit's texts: they are in flight when it takes the process down.
      config: { ...stack.deps.config, INDEX_EMBED_WAIT_MS: 60_000 },
      db,
      batchSize: 64,
      extractor: {
        formats: "all",
        extractChunks(kind, bytes, options) {
          if (new TextDecoder().decode(bytes).includes("CULPRIT")) {
            dead = true;
            died();
          }
          return dead ? never : stack.deps.extractor.extractChunks(kind, bytes, options);
        },
      },
      embedder: {
        ...stack.deps.embedder,
        embed: (texts, purpose) => (dead ? never : stack.deps.embedder.embed(texts, purpose)),
      },
    },
    { leaseS: 600 },
  );
  const claimed = await claimDocuments(stack.deps.db, { collectionId: collection, limit: 10, leaseS: 600 });
  for (const doc of claimed) void pipeline.admit(doc);
  await death;
  pipeline.close();
  await stack.deps.db.query(sql`
    update documents set claimed_at = now() - interval '1 hour'
    where collection_id = ${collection} and index_status = 'indexing'`);
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

  it("does not fail the documents that were in flight beside the one that kept crashing the worker", async () => {
    const collection = await stack.createCollection();
    const first = await upload(collection, "a-first.txt");
    const culprit = await upload(collection, "b-culprit.txt", "CULPRIT: this file takes the worker down.");
    const last = await upload(collection, "c-last.txt");
    for (let life = 0; life < 3; life++) await crashingRun(collection);
    await stack.indexAll();
    expect(await state(culprit)).toMatchObject({ index_status: "failed", index_attempts: 3 });
    expect(await state(first)).toMatchObject({ index_status: "indexed", chunks: 1 });
    expect(await state(last)).toMatchObject({ index_status: "indexed", chunks: 1 });
  });
});
