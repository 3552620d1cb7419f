import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "../../shared/db/sql.js";
import { type EmbeddedStack, startEmbeddedStack, uploadForm } from "../../tests/support/embedded-stack.js";
import { makeDocx, makePdf } from "../../tests/support/fixtures.js";

let stack: EmbeddedStack;
beforeAll(async () => {
  stack = await startEmbeddedStack();
});
afterAll(() => stack.close());

async function upload(collection: string, name: string, bytes: Uint8Array | string) {
  const r = await stack.json<{ document: { id: string } }>("/documents", {
    method: "POST",
    body: uploadForm(collection, { name, bytes }),
  });
  expect(r.status).toBe(201);
  return r.body.document.id;
}

const post = (body: unknown) => ({
  method: "POST",
  headers: { "content-type": "application/json" },
  body: JSON.stringify(body),
});

describe("POST /index/run", () => {
  it("indexes pending documents of a collection into chunks and vectors", async () => {
    const collection = await stack.createCollection();
    const pdf = await upload(
      collection,
      "a.pdf",
      await makePdf([["Alpha page one about glaciers."], ["Page two about fjords."]]),
    );
    const docx = await upload(
      collection,
      "b.docx",
      await makeDocx(["Beta paragraph on tundra.", "Another on permafrost."]),
    );
    const run = await stack.json<{
      claimed: number;
      indexed: number;
      documents: { id: string; chunk_count: number }[];
    }>("/index/run", post({ collection_id: collection, limit: 10 }));
    expect(run.status).toBe(200);
    expect(run.body).toMatchObject({ claimed: 2, indexed: 2, failed: 0 });
    for (const id of [pdf, docx]) {
      const doc = await stack.json<{ index_status: string; chunk_count: number; is_indexed: boolean }>(
        `/documents/${id}`,
      );
      expect(doc.body).toMatchObject({ index_status: "indexed", is_indexed: true });
      expect(doc.body.chunk_count).toBeGreaterThan(0);
      expect(await stack.deps.vectors.countDocument({ id: collection, dimension: 512 }, id)).toBe(
        doc.body.chunk_count,
      );
    }
    const status = await stack.json<{ counts: Record<string, number> }>(
      `/index/status?collection_id=${collection}`,
    );
    expect(status.body.counts).toEqual({ pending: 0, indexing: 0, indexed: 2, failed: 0 });
  });

  it("marks a document that cannot be extracted as failed with the reason, and goes on", async () => {
    const collection = await stack.createCollection();
    const broken = await upload(collection, "broken.pdf", "%PDF-1.7\nthis is not really a pdf\n");
    const fine = await upload(collection, "fine.txt", "Perfectly fine text about orchards.");
    const run = await stack.json<{ indexed: number; failed: number }>(
      "/index/run",
      post({ collection_id: collection }),
    );
    expect(run.body).toMatchObject({ indexed: 1, failed: 1 });
    const doc = await stack.json<{ index_status: string; index_error: string }>(`/documents/${broken}`);
    expect(doc.body.index_status).toBe("failed");
    expect(doc.body.index_error.length).toBeGreaterThan(5);
    expect((await stack.json<{ index_status: string }>(`/documents/${fine}`)).body.index_status).toBe(
      "indexed",
    );
    expect(await stack.deps.vectors.countDocument({ id: collection, dimension: 512 }, broken)).toBe(0);
  });

  it("reindex replaces chunks and vectors without duplicates", async () => {
    const collection = await stack.createCollection();
    const id = await upload(collection, "r.txt", "Sentence one about rivers. ".repeat(200));
    await stack.json("/index/run", post({ collection_id: collection }));
    const first = (await stack.json<{ chunk_count: number }>(`/documents/${id}`)).body.chunk_count;
    const queued = await stack.json<{ index_status: string }>(`/documents/${id}/reindex`, { method: "POST" });
    expect(queued.status).toBe(202);
    expect(queued.body.index_status).toBe("pending");
    await stack.json("/index/run", post({ collection_id: collection }));
    const again = await stack.json<{ chunk_count: number; index_status: string }>(`/documents/${id}`);
    expect(again.body).toMatchObject({ index_status: "indexed", chunk_count: first });
    const [chunks] = await stack.deps.db.query<{ n: number }>(
      sql`select count(*)::int as n from chunks where document_id = ${id}`,
    );
    expect(chunks?.n).toBe(first);
    expect(await stack.deps.vectors.countDocument({ id: collection, dimension: 512 }, id)).toBe(first);
  });

  it("accepts an empty body and applies the default limit of 10", async () => {
    const collection = await stack.createCollection();
    for (let i = 0; i < 11; i++) await upload(collection, `n${i}.txt`, `note number ${i}`);
    const first = await stack.json<{ claimed: number }>("/index/run", { method: "POST" });
    expect(first.status).toBe(200);
    expect(first.body.claimed).toBe(10);
    const second = await stack.json<{ claimed: number }>("/index/run", { method: "POST" });
    expect(second.body.claimed).toBe(1);
  });

  it.each([
    ["limit too large", "/index/run", post({ limit: 100000 }), 422, "validation_failed"],
    ["unknown collection", "/index/run", post({ collection_id: crypto.randomUUID() }), 404, "not_found"],
    [
      "bad JSON",
      "/index/run",
      { method: "POST", headers: { "content-type": "application/json" }, body: "{" },
      400,
      "bad_request",
    ],
    [
      "status of unknown collection",
      `/index/status?collection_id=${crypto.randomUUID()}`,
      { method: "GET" },
      404,
      "not_found",
    ],
    [
      "reindex unknown document",
      `/documents/${crypto.randomUUID()}/reindex`,
      { method: "POST" },
      404,
      "not_found",
    ],
  ])("%s -> %s", async (_name, path, init, status, code) => {
    const before = await stack.counts();
    const res = await stack.request(path, init as RequestInit);
    expect(res.status).toBe(status);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    expect(((await res.json()) as { code: string }).code).toBe(code);
    expect(await stack.counts()).toEqual(before);
  });
});

interface Progress {
  done: number;
  total: number;
  indexed_per_minute: number | null;
  eta_seconds: number | null;
  window_seconds: number;
}

describe("GET /index/status progress", () => {
  const progress = async (collection: string) =>
    (await stack.json<{ progress: Progress }>(`/index/status?collection_id=${collection}`)).body.progress;

  it("has no rate and no estimate before anything is indexed", async () => {
    const collection = await stack.createCollection();
    await upload(collection, "p.txt", "pending text about lakes");
    expect(await progress(collection)).toEqual({
      done: 0,
      total: 1,
      indexed_per_minute: null,
      eta_seconds: null,
      window_seconds: 300,
    });
  });

  it("counts done documents and derives the rate and the time left from when they were indexed", async () => {
    const collection = await stack.createCollection();
    const ids: string[] = [];
    for (let i = 0; i < 6; i++) ids.push(await upload(collection, `p${i}.txt`, `progress text number ${i}`));
    await stack.json("/index/run", post({ collection_id: collection, limit: 4 }));
    // Four indexed 60, 40, 20 and 0 s ago: three more in the 60 s since the first, 3 a minute.
    const indexed = await stack.deps.db.query<{ id: string }>(sql`
      select id from documents where collection_id = ${collection} and index_status = 'indexed' order by id`);
    expect(indexed.length).toBe(4);
    for (const [i, row] of indexed.entries())
      await stack.deps.db.query(
        sql`update documents set indexed_at = now() - make_interval(secs => ${60 - i * 20}) where id = ${row.id}`,
      );
    // One document indexed long ago is outside the window and does not count toward the rate.
    const old = ids.find((id) => !indexed.some((row) => row.id === id)) ?? "";
    await stack.deps.db.query(sql`
      update documents set index_status = 'indexed', is_indexed = true, indexed_at = now() - interval '1 hour'
      where id = ${old}`);
    const p = await progress(collection);
    expect(p).toMatchObject({ done: 5, total: 6 });
    // The few milliseconds between the update and the status widen the span, never narrow it.
    expect(p.indexed_per_minute).toBeGreaterThan(2.9);
    expect(p.indexed_per_minute).toBeLessThanOrEqual(3);
    expect(p.eta_seconds).toBeGreaterThanOrEqual(20);
    expect(p.eta_seconds).toBeLessThanOrEqual(21);
  });

  it("has nothing left once every document is indexed or failed", async () => {
    const collection = await stack.createCollection();
    await upload(collection, "ok.txt", "fine text about mountains");
    await upload(collection, "bad.pdf", "%PDF-1.7\nnot a pdf at all\n");
    await stack.json("/index/run", post({ collection_id: collection }));
    expect(await progress(collection)).toMatchObject({ done: 2, total: 2, eta_seconds: 0 });
  });
});
