import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "../../shared/db/sql.js";
import { documentKinds } from "../../shared/extract/document-kind.js";
import { buildMergedDocument } from "../../tools/openapi-document.js";
import { type EmbeddedStack, startEmbeddedStack, uploadForm } from "../support/embedded-stack.js";

let stack: EmbeddedStack;
beforeAll(async () => {
  stack = await startEmbeddedStack();
});
afterAll(() => stack.close());

interface Problem {
  code: string;
  detail: string;
  requestId: string;
  errors?: { path: string; message: string }[];
}

const jsonPost = <T = Problem & Record<string, unknown>>(path: string, body: unknown) =>
  stack.json<T>(path, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });

function expectProblem(r: { status: number; response: Response; body: unknown }, status: number) {
  expect(r.status, JSON.stringify(r.body).slice(0, 400)).toBe(status);
  expect(r.response.headers.get("content-type")).toBe("application/problem+json");
}

async function upload(collection: string, name: string, text: string, metadata?: string) {
  return stack.json<{ document: { id: string; metadata: Record<string, unknown> } } & Problem>("/documents", {
    method: "POST",
    body: uploadForm(collection, { name, bytes: text }, metadata === undefined ? {} : { metadata }),
  });
}

/** A JSON text nested `depth` levels deep: {"a":{"a":...{"a":1}}}. */
const nested = (depth: number) => `${'{"a":'.repeat(depth - 1)}{"a":1}${"}".repeat(depth - 1)}`;

describe("GET /audit time bounds", () => {
  it.each([
    ["an offset beyond -15:59", "2024-01-01T00:00:00-20:59"],
    ["an offset beyond +15:59", "2024-01-01T00:00:00+19:00"],
    ["an offset of +16:00", "2024-01-01T00:00:00+16:00"],
    ["year 0000", "0000-01-01T00:00:00Z"],
  ])("%s is a 422 problem naming the parameter, not a 500", async (_what, value) => {
    for (const param of ["since", "until"]) {
      const r = await stack.json<Problem>(`/audit?${param}=${encodeURIComponent(value)}`);
      expectProblem(r, 422);
      expect(r.body.errors?.map((e) => e.path)).toEqual([param]);
    }
  });

  it.each([
    "0001-01-01T00:00:00+15:59",
    "9999-12-31T23:59:59-15:59",
    "2024-06-30T12:00:00.123456789Z",
  ])("%s, which PostgreSQL accepts, is answered", async (value) => {
    const r = await stack.json(
      `/audit?since=${encodeURIComponent(value)}&until=${encodeURIComponent(value)}`,
    );
    expect(r.status, JSON.stringify(r.body)).toBe(200);
  });

  it("accepts only what PostgreSQL accepts", async () => {
    const candidates = [
      ["2024-01-01T00:00:00-00:00", "0001-01-01T00:00:00-15:59", "9999-12-31T23:59:59+15:59"],
      ["0000-12-31T23:59:59+00:00", "2024-01-01T00:00:00-16:00", "2024-01-01T00:00:00+23:59"],
      ["2024-02-29T12:00:00+01:00", "2023-02-29T12:00:00+01:00", "2024-04-31T12:00:00Z"],
    ].flat();
    for (const value of candidates) {
      const postgres = await stack.deps.db.query(sql`select ${value}::timestamptz`).then(
        () => 200,
        () => 422,
      );
      const r = await stack.json(`/audit?since=${encodeURIComponent(value)}`);
      expect(r.status, value).toBe(postgres);
    }
  });
});

describe("metadata bounds", () => {
  it("accepts metadata 8 levels deep and 256 entries, and refuses 9 levels or 257 entries with 422", async () => {
    const collection = await stack.createCollection();
    const deep = await upload(collection, "deep.txt", "Eight levels.", nested(8));
    expect(deep.status, JSON.stringify(deep.body)).toBe(201);
    const wide = Object.fromEntries(Array.from({ length: 256 }, (_, i) => [`k${i}`, i]));
    const many = await upload(collection, "wide.txt", "Many keys.", JSON.stringify(wide));
    expect(many.status, JSON.stringify(many.body)).toBe(201);

    const before = await stack.counts();
    const tooDeep = await upload(collection, "deeper.txt", "Nine levels.", nested(9));
    expectProblem(tooDeep, 422);
    expect(tooDeep.body.errors?.[0]?.path).toMatch(/^metadata/);
    const tooWide = await upload(
      collection,
      "wider.txt",
      "Too many keys.",
      JSON.stringify({ ...wide, one: { more: true } }),
    );
    expectProblem(tooWide, 422);
    expect(await stack.counts()).toEqual(before);
  });

  it.each([
    1_000, 4_200, 10_000,
  ])("metadata nested %i levels deep is a 422, never stored or a 500", async (depth) => {
    const collection = await stack.createCollection();
    const before = await stack.counts();
    for (const text of [nested(depth), `${"[".repeat(depth)}${"]".repeat(depth)}`]) {
      const r = await upload(collection, "deep.txt", "Deep.", `{"a":${text}}`);
      expectProblem(r, 422);
    }
    expect(await stack.counts()).toEqual(before);
  });

  it("bounds the query filter's metadata the same way", async () => {
    const collection = await stack.createCollection();
    const keys = Object.fromEntries(Array.from({ length: 257 }, (_, i) => [`k${i}`, "v"]));
    const r = await jsonPost("/query", { collection_id: collection, query: "x", filter: { metadata: keys } });
    expectProblem(r, 422);
    const deep = await jsonPost(
      "/query",
      `{"collection_id":"${collection}","query":"x","filter":{"metadata":${nested(5_000)}}}`,
    );
    expectProblem(deep, 422);
  });
});

describe("metadata keys are data", () => {
  it("a document with metadata key __proto__ keeps it, and a filter on it matches only that document", async () => {
    const collection = await stack.createCollection();
    const odd = await upload(
      collection,
      "odd.txt",
      "The ferry timetable.",
      '{"__proto__":"x","constructor":"y"}',
    );
    expect(odd.status, JSON.stringify(odd.body)).toBe(201);
    const plain = await upload(collection, "plain.txt", "The ferry timetable, again.", '{"other":"z"}');
    expect(plain.status).toBe(201);
    await stack.indexAll();

    const shown = await stack.request(`/documents/${odd.body.document.id}`);
    const metadata = (JSON.parse(await shown.text()) as { metadata: object }).metadata;
    expect(Object.entries(metadata)).toEqual([
      ["__proto__", "x"],
      ["constructor", "y"],
    ]);

    const search = (filter: string, mode: string) =>
      jsonPost<{ results: { document_id: string }[] }>(
        "/query",
        `{"collection_id":"${collection}","query":"ferry timetable","mode":"${mode}","filter":{"metadata":${filter}}}`,
      );
    for (const mode of ["keyword", "vector", "hybrid"]) {
      // Twice each: the second answer comes from the query cache, whose key must see the filter.
      for (let round = 0; round < 2; round++) {
        const x = await search('{"__proto__":"x"}', mode);
        expect(x.status).toBe(200);
        expect(x.body.results.map((p) => p.document_id)).toEqual([odd.body.document.id]);
        const nope = await search('{"__proto__":"nope"}', mode);
        expect(nope.status).toBe(200);
        expect(nope.body.results).toEqual([]);
        const both = await search('{"constructor":"y"}', mode);
        expect(both.body.results.map((p) => p.document_id)).toEqual([odd.body.document.id]);
      }
    }
  });
});

describe("queries with nothing to embed", () => {
  it("every mode answers with finite scores, the same from the cache", async () => {
    const collection = await stack.createCollection();
    expect(
      (await upload(collection, "ferry.txt", "The harbour ferry leaves every forty minutes.")).status,
    ).toBe(201);
    // A document with no words at all: its chunk embeds to a zero vector.
    expect((await upload(collection, "marks.txt", "%%% ??? !!! ---")).status).toBe(201);
    await stack.indexAll();
    for (const query of ["%%%", "???", "the", "harbour ferry"]) {
      for (const mode of ["vector", "hybrid", "keyword"]) {
        const answers = [];
        for (let round = 0; round < 2; round++) {
          const r = await jsonPost<{ results: { score: unknown; filename: string }[] }>("/query", {
            collection_id: collection,
            query,
            mode,
          });
          expect(r.status).toBe(200);
          answers.push(r.body.results);
        }
        const [first, cached] = answers;
        expect(cached, `${mode} "${query}"`).toEqual(first);
        for (const p of first ?? []) expect(Number.isFinite(p.score), `${mode} "${query}"`).toBe(true);
        if (query !== "harbour ferry") expect(first, `${mode} "${query}"`).toEqual([]);
        else expect(first?.map((p) => p.filename)).toEqual(["ferry.txt"]);
      }
    }
  });
});

describe("collection names", () => {
  it.each([
    ["zero-width and bidi controls only", "\u200b\u202e\u2066\ufeff"],
    ["CR/LF only", "\r\n"],
    ["spaces only", " \u3000 "],
  ])("a name that is empty once cleaned (%s) is a 422 problem", async (_what, name) => {
    const r = await jsonPost("/collections", { name });
    expectProblem(r, 422);
    expect(r.body.errors?.map((e) => e.path)).toEqual(["name"]);
  });

  it("stores the cleaned name: no controls, compatibility forms folded, whitespace collapsed", async () => {
    const tag = crypto.randomUUID().slice(0, 8);
    const r = await jsonPost("/collections", { name: `  ｐｏｌｉｃｙ\u200b\r\nBoard\u202e\t${tag}  ` });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body.name).toBe(`policy Board ${tag}`);
  });

  it("refuses a name that reads the same as an existing one with 409", async () => {
    const tag = crypto.randomUUID().replaceAll(/[0-9-]/g, "");
    const first = await jsonPost("/collections", { name: `Policies ${tag}` });
    expect(first.status).toBe(201);
    for (const lookalike of [
      `policies ${tag}`,
      `POLICIES ${tag}`,
      `ｐｏｌｉｃｉｅｓ ${tag}`,
      `pol\u200bicies ${tag}`,
      `Policies\u00a0 ${tag}`,
      `Pоliciеs ${tag}`, // Cyrillic о and е
      `\u0420olicies ${tag}`, // Cyrillic capital Р
    ]) {
      const r = await jsonPost("/collections", { name: lookalike });
      expectProblem(r, 409);
      expect(r.body.detail).toContain(`Policies ${tag}`);
    }
    const other = await jsonPost("/collections", { name: `Procedures ${tag}` });
    expect(other.status).toBe(201);
  });
});

describe("paging parameters", () => {
  it.each([
    "/collections",
    "/documents",
    "/audit",
  ])("%s refuses an empty or non-decimal offset or limit", async (path) => {
    for (const query of [
      "offset=",
      "limit=",
      "offset=%20",
      "offset=1e2",
      "offset=0x10",
      "limit=+5",
      "offset=-0",
    ]) {
      const r = await stack.json<Problem>(`${path}?${query}`);
      expectProblem(r, 422);
    }
    expect((await stack.json(`${path}?offset=0&limit=5`)).status).toBe(200);
  });
});

describe("chunking overrides", () => {
  const create = (chunking: unknown) =>
    jsonPost("/collections", { name: `chunking-${crypto.randomUUID()}`, chunking });

  it("accepts what the contract allows", async () => {
    for (const chunking of [{}, { pdf: { size: 800, overlap: 80 } }, { csv: { size: 50 } }, { md: {} }]) {
      const r = await create(chunking);
      expect(r.status, JSON.stringify(chunking)).toBe(201);
      expect(r.body.chunking).toEqual(chunking);
    }
  });

  it("refuses, with 422, what the contract says it refuses, and overlap not below size", async () => {
    for (const chunking of [
      { xls: { size: 800 } },
      { pdf: { sise: 800 } },
      { pdf: { size: 100, overlap: 200 } },
      { pdf: { overlap: 2000 } }, // above the pdf default size, 1024
      { txt: { size: 100 } }, // below the txt default overlap, 120
    ]) {
      const r = await create(chunking);
      expectProblem(r, 422);
      expect(r.body.errors?.[0]?.path, JSON.stringify(chunking)).toMatch(/^chunking/);
    }
  });

  it("the contract's schema is closed at both levels, as the server is", () => {
    const doc = buildMergedDocument() as unknown as {
      paths: Record<string, { post: { requestBody: { content: Record<string, { schema: unknown }> } } }>;
    };
    const body = doc.paths["/collections"]?.post.requestBody.content["application/json"]?.schema as {
      properties: { chunking: { additionalProperties: unknown; properties: Record<string, unknown> } };
    };
    const chunking = body.properties.chunking;
    expect(chunking.additionalProperties).toBe(false);
    expect(Object.keys(chunking.properties).sort()).toEqual([...documentKinds].sort());
    for (const kind of Object.values(chunking.properties)) {
      expect((kind as { additionalProperties: unknown }).additionalProperties).toBe(false);
    }
  });
});
