import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createApiKey } from "../../shared/auth/api-keys.js";
import { sql } from "../../shared/db/sql.js";
import { type EmbeddedStack, startEmbeddedStack, uploadForm } from "../../tests/support/embedded-stack.js";

let stack: EmbeddedStack;
const keys: Record<"writer" | "reader" | "other", string> = { writer: "", reader: "", other: "" };
let otherCollection: string;

beforeAll(async () => {
  stack = await startEmbeddedStack();
  otherCollection = await stack.createCollection();
  const db = stack.deps.db;
  keys.writer = (await createApiKey(db, { name: "editor", scopes: ["read", "write"] })).key;
  keys.reader = (await createApiKey(db, { name: "viewer", scopes: ["read"] })).key;
  keys.other = (
    await createApiKey(db, {
      name: "other-collection",
      scopes: ["read", "write"],
      collections: [otherCollection],
    })
  ).key;
});
afterAll(() => stack.close());

const as = (key: string, json = false) => ({
  authorization: `Bearer ${key}`,
  ...(json ? { "content-type": "application/json" } : {}),
});

interface Doc {
  id: string;
  filename: string;
  metadata: Record<string, unknown>;
  index_status: string;
  chunk_count: number;
}

async function newCollection(): Promise<string> {
  const r = await stack.json<{ id: string }>("/collections", {
    method: "POST",
    headers: as(keys.writer, true),
    body: JSON.stringify({ name: `patch-${crypto.randomUUID()}` }),
  });
  expect(r.status).toBe(201);
  return r.body.id;
}

async function upload(collection: string, name: string, text: string, metadata: Record<string, unknown>) {
  const r = await stack.json<{ document: Doc }>("/documents", {
    method: "POST",
    headers: as(keys.writer),
    body: uploadForm(collection, { name, bytes: text }, { metadata: JSON.stringify(metadata) }),
  });
  expect(r.status).toBe(201);
  await stack.indexAll();
  return r.body.document.id;
}

const patch = (id: string, body: unknown, key = keys.writer) =>
  stack.json<Doc & { code?: string; requestId?: string }>(`/documents/${id}`, {
    method: "PATCH",
    headers: as(key, true),
    body: typeof body === "string" ? body : JSON.stringify(body),
  });

const query = (collection: string, text: string, mode: string, filter: Record<string, unknown> = {}) =>
  stack
    .json<{ results: { document_id: string; filename: string }[] }>("/query", {
      method: "POST",
      headers: as(keys.writer, true),
      body: JSON.stringify({ collection_id: collection, query: text, mode, filter }),
    })
    .then((r) => {
      expect(r.status).toBe(200);
      return r.body.results;
    });

async function cacheHits(): Promise<number> {
  const text = await (await stack.request("/metrics")).text();
  const line = text.split("\n").find((l) => l.startsWith('docstack_query_cache_total{result="hit"}'));
  return line === undefined ? 0 : Number(line.slice(line.lastIndexOf(" ") + 1));
}

async function stored(id: string) {
  const [row] = await stack.deps.db.query<{ chunks: number; vectors: number; status: string }>(sql`
    select (select count(*)::int from chunks where document_id = ${id}) as chunks,
           (select count(*)::int from vectors where document_id = ${id}) as vectors,
           (select index_status from documents where id = ${id}) as status`);
  return row;
}

describe.each(["keyword", "vector", "hybrid"])("PATCH /documents/{id}, then a %s query", (mode) => {
  it("filters on the new metadata and shows the new name at once, without embedding anything", async () => {
    const collection = await newCollection();
    const ferry = await upload(collection, "ferry.txt", "The harbour ferry leaves every forty minutes.", {
      department: "transport",
    });
    await upload(collection, "bins.txt", "Recycling bins are collected on alternate Thursdays.", {
      department: "waste",
    });
    const planning = { metadata: { department: "planning" } };
    const transport = { metadata: { department: "transport" } };
    // Answered, and then served from the cache, before the change.
    expect(await query(collection, "harbour ferry", mode, planning)).toEqual([]);
    const before = await query(collection, "harbour ferry", mode);
    expect(before.map((r) => [r.document_id, r.filename])).toContainEqual([ferry, "ferry.txt"]);
    const hits = await cacheHits();
    expect(await query(collection, "harbour ferry", mode)).toEqual(before);
    expect(await cacheHits()).toBe(hits + 1);
    const kept = await stored(ferry);

    const embed = vi.spyOn(stack.deps.embedder, "embed");
    try {
      const r = await patch(ferry, {
        metadata: { department: "planning", year: 2025 },
        filename: "Harbour ferry.txt",
      });
      expect(r.status).toBe(200);
      expect(r.body).toMatchObject({
        id: ferry,
        filename: "Harbour ferry.txt",
        metadata: { department: "planning", year: 2025 },
        index_status: "indexed",
        chunk_count: 1,
      });
      await stack.indexAll();
      // Neither the edit nor the index worker afterwards embedded anything; chunks and vectors stay.
      expect(embed).not.toHaveBeenCalled();
      expect(await stored(ferry)).toEqual(kept);

      const now = await query(collection, "harbour ferry", mode, planning);
      expect(now.map((r) => [r.document_id, r.filename])).toContainEqual([ferry, "Harbour ferry.txt"]);
      expect(now.every((r) => r.document_id === ferry)).toBe(true);
      expect(await query(collection, "harbour ferry", mode, transport)).toEqual([]);
      expect(
        (await query(collection, "harbour ferry", mode, { filename: "Harbour ferry.txt" })).length,
      ).toBeGreaterThan(0);
      // The answer cached before the change is not served.
      const again = await query(collection, "harbour ferry", mode);
      expect(again.find((r) => r.document_id === ferry)?.filename).toBe("Harbour ferry.txt");
      expect(again.some((r) => r.filename === "ferry.txt")).toBe(false);
      // The spy sees the embedder's calls: the query side of vector search makes one.
      expect(embed.mock.calls.length > 0).toBe(mode !== "keyword");
    } finally {
      embed.mockRestore();
    }
  });
});

describe("PATCH /documents/{id}", () => {
  it("writes an audit row with what changed, and changes only what was sent", async () => {
    const collection = await newCollection();
    const id = await upload(collection, "minutes.txt", "The board met on Tuesday.", {
      board: "parks",
      year: 2024,
      tags: ["a"],
    });
    const renamed = await patch(id, { filename: "C:\\Users\\clerk\\Minutes\u202e 2024.txt\n" });
    expect(renamed.status).toBe(200);
    expect(renamed.body.filename).toBe("Minutes 2024.txt");
    expect(renamed.body.metadata).toEqual({ board: "parks", year: 2024, tags: ["a"] });
    const edited = await patch(id, { metadata: { board: "parks", year: 2025, owner: "clerk" } });
    expect(edited.status).toBe(200);
    expect(edited.body.filename).toBe("Minutes 2024.txt");
    expect(edited.body.metadata).toEqual({ board: "parks", year: 2025, owner: "clerk" });
    expect((await stack.json<Doc>(`/documents/${id}`, { headers: as(keys.reader) })).body).toEqual(
      edited.body,
    );

    const rows = await stack.deps.db.query<{ actor: string; details: Record<string, unknown> }>(sql`
      select actor, details from audit_logs where action = 'document.update' and target = ${id} order by id`);
    expect(rows).toEqual([
      { actor: "editor", details: { filename: "Minutes 2024.txt", previous_filename: "minutes.txt" } },
      {
        actor: "editor",
        details: {
          filename: "Minutes 2024.txt",
          metadata_keys: {
            before: ["board", "tags", "year"],
            after: ["board", "owner", "year"],
            changed: ["owner", "tags", "year"],
          },
        },
      },
    ]);
  });

  const invalid: [string, unknown][] = [
    ["an empty body", {}],
    ["an unknown field", { metadata: { a: 1 }, tags: ["x"] }],
    ["a misspelt field", { metdata: { a: 1 } }],
    ["metadata that is an array", { metadata: [1, 2] }],
    ["metadata that is a string", { metadata: '{"a":1}' }],
    ["metadata null", { metadata: null }],
    [
      "metadata nested 9 levels deep",
      { metadata: { a: { b: { c: { d: { e: { f: { g: { h: { i: 1 } } } } } } } } } },
    ],
    ["metadata with a NUL in a key", { metadata: { "a\u0000b": 1 } }],
    [
      "metadata with 257 keys",
      { metadata: Object.fromEntries(Array.from({ length: 257 }, (_, i) => [`k${i}`, i])) },
    ],
    ["an empty filename", { filename: "" }],
    ["a filename that is only a path", { filename: "reports/" }],
    ["a filename of control characters", { filename: "\u202e\u0007" }],
    ["the filename ..", { filename: ".." }],
    ["a filename of 1001 characters", { filename: `${"n".repeat(997)}.txt` }],
    ["a filename with a NUL", { filename: "a\u0000b.txt" }],
    ["a filename that is not a string", { filename: 12 }],
  ];

  it.each(invalid)("refuses %s with 422 and changes nothing", async (_what, body) => {
    const collection = await newCollection();
    const id = await upload(collection, "kept.txt", "Kept as it was.", { k: "v" });
    const before = await stack.json<Doc>(`/documents/${id}`, { headers: as(keys.reader) });
    const r = await patch(id, body);
    expect(r.status).toBe(422);
    expect(r.response.headers.get("content-type")).toBe("application/problem+json");
    expect(r.body.code).toBe("validation_failed");
    expect(r.body.requestId).toBe(r.response.headers.get("x-request-id"));
    expect((await stack.json<Doc>(`/documents/${id}`, { headers: as(keys.reader) })).body).toEqual(
      before.body,
    );
  });

  it("answers 404 for an unknown document, one being deleted, and one outside the key's collections", async () => {
    const collection = await newCollection();
    const id = await upload(collection, "secret.txt", "Not for other collections.", { k: "v" });
    const edit = { metadata: { k: "changed" } };
    const unknown = await patch(crypto.randomUUID(), edit);
    expect([unknown.status, unknown.body.code]).toEqual([404, "not_found"]);
    // A key for another collection learns nothing, as with GET /documents/{id}.
    const other = await patch(id, edit, keys.other);
    const otherGet = await stack.json<{ code: string }>(`/documents/${id}`, { headers: as(keys.other) });
    expect([other.status, other.body.code]).toEqual([otherGet.status, otherGet.body.code]);
    expect(other.status).toBe(404);
    const read = await patch(id, edit, keys.reader);
    expect([read.status, read.body.code]).toEqual([403, "forbidden"]);
    expect((await stack.json<Doc>(`/documents/${id}`, { headers: as(keys.reader) })).body.metadata).toEqual({
      k: "v",
    });
    // Marked for deletion (a delete whose purge has not finished): hidden, so not editable.
    await stack.deps.db.query(sql`update documents set deleted_at = now() where id = ${id}`);
    const deleting = await patch(id, edit);
    expect([deleting.status, deleting.body.code]).toEqual([404, "not_found"]);
    const [row] = await stack.deps.db.query<{ metadata: unknown }>(
      sql`select metadata from documents where id = ${id}`,
    );
    expect(row?.metadata).toEqual({ k: "v" });
  });

  it("answers 400 to a body that is not JSON", async () => {
    const collection = await newCollection();
    const id = await upload(collection, "plain.txt", "Plain text.", {});
    const r = await patch(id, "{not json");
    expect([r.status, r.body.code]).toEqual([400, "bad_request"]);
  });
});
