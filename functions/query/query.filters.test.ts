import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type EmbeddedStack, startEmbeddedStack, uploadForm } from "../../tests/support/embedded-stack.js";

let stack: EmbeddedStack;
let collection: string;
const ids: Record<string, string> = {};

// Every document says "report", so every mode returns every document the filter lets through.
const docs: Record<string, [string, Record<string, unknown>]> = {
  "a.txt": [
    "Alpha planning report for 2019.",
    { year: 2019, dept: "planning", tags: ["tax", "urgent"], title: "Alpha report" },
  ],
  "b.txt": [
    "Budget report of the finance team.",
    { year: 2021, dept: "finance", tags: ["budget"], draft: true },
  ],
  "c.md": ["# Planning report\n\nThe 2022 planning report.", { year: "2022", dept: "planning" }],
  "d.md": ["# Misc report\n\nA report with no metadata.", {}],
};

beforeAll(async () => {
  stack = await startEmbeddedStack();
  collection = await stack.createCollection();
  for (const [name, [text, metadata]] of Object.entries(docs)) {
    const r = await stack.json<{ document: { id: string } }>("/documents", {
      method: "POST",
      body: uploadForm(collection, { name, bytes: text }, { metadata: JSON.stringify(metadata) }),
    });
    ids[name] = r.body.document.id;
  }
  await stack.indexAll();
});
afterAll(() => stack.close());

const query = (mode: string, filter: unknown) =>
  stack.json<{
    results: { filename: string }[];
    errors?: { path: string; message: string }[];
    code?: string;
  }>("/query", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ collection_id: collection, query: "report", mode, top_k: 20, filter }),
  });

const all = ["a.txt", "b.txt", "c.md", "d.md"];
const cases: [string, () => unknown, string[]][] = [
  ["bare value ($eq, the key = value form)", () => ({ metadata: { dept: "planning" } }), ["a.txt", "c.md"]],
  ["$eq is type-sensitive", () => ({ metadata: { year: { $eq: "2019" } } }), []],
  [
    "$ne matches documents without the key",
    () => ({ metadata: { dept: { $ne: "planning" } } }),
    ["b.txt", "d.md"],
  ],
  ["$gt on a number skips string values", () => ({ metadata: { year: { $gt: 2020 } } }), ["b.txt"]],
  ["$gte on a string compares strings", () => ({ metadata: { year: { $gte: "2022" } } }), ["c.md"]],
  ["$gte and $lt together", () => ({ metadata: { year: { $gte: 2019, $lt: 2021 } } }), ["a.txt"]],
  ["$in mixes types", () => ({ metadata: { year: { $in: [2019, "2022"] } } }), ["a.txt", "c.md"]],
  [
    "$nin matches documents without the key",
    () => ({ metadata: { year: { $nin: [2019] } } }),
    ["b.txt", "c.md", "d.md"],
  ],
  ["$exists true", () => ({ metadata: { draft: { $exists: true } } }), ["b.txt"]],
  ["$exists false", () => ({ metadata: { draft: { $exists: false } } }), ["a.txt", "c.md", "d.md"]],
  ["$contains an array element", () => ({ metadata: { tags: { $contains: "tax" } } }), ["a.txt"]],
  ["$contains a substring", () => ({ metadata: { title: { $contains: "pha rep" } } }), ["a.txt"]],
  [
    "$or of filters",
    () => ({ $or: [{ metadata: { dept: "finance" } }, { filename: "d.md" }] }),
    ["b.txt", "d.md"],
  ],
  [
    "$and with a nested $or",
    () => ({
      $and: [
        { metadata: { dept: "planning" } },
        { $or: [{ metadata: { year: 2019 } }, { content_type: "text/markdown" }] },
      ],
    }),
    ["a.txt", "c.md"],
  ],
  ["filename $in", () => ({ filename: { $in: ["a.txt", "b.txt"] } }), ["a.txt", "b.txt"]],
  ["filename $contains", () => ({ filename: { $contains: ".md" } }), ["c.md", "d.md"]],
  ["filename $gte", () => ({ filename: { $gte: "b" } }), ["b.txt", "c.md", "d.md"]],
  ["content_type $ne", () => ({ content_type: { $ne: "text/plain" } }), ["c.md", "d.md"]],
  ["content_type as a list ($in)", () => ({ content_type: ["text/plain"] }), ["a.txt", "b.txt"]],
  ["upload_date $gt a date", () => ({ upload_date: { $gt: "2000-01-01" } }), all],
  ["upload_date $lt a date-time", () => ({ upload_date: { $lt: "2000-01-01T00:00:00+02:00" } }), []],
  ["document_id $ne", () => ({ document_id: { $ne: ids["a.txt"] } }), ["b.txt", "c.md", "d.md"]],
  ["fields are AND'ed", () => ({ metadata: { year: { $lt: 2020 } }, filename: { $gte: "b" } }), []],
  ["an empty filter", () => ({}), all],
];

describe.each(["keyword", "vector", "hybrid"])("POST /query filter operators in %s mode", (mode) => {
  it.each(cases)("%s", async (_name, filter, expected) => {
    const r = await query(mode, filter());
    expect(r.status).toBe(200);
    expect(r.body.results.map((p) => p.filename).sort()).toEqual(expected);
  });
});

const keys = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, i]));
const malformed: [string, unknown, string][] = [
  ["$gt with a boolean", { metadata: { year: { $gt: true } } }, "filter.metadata.year.$gt"],
  ["an unknown operator", { metadata: { year: { $foo: 1 } } }, "filter.metadata.year.$foo"],
  ["an empty $in", { metadata: { year: { $in: [] } } }, "filter.metadata.year.$in"],
  ["$in not a list", { metadata: { year: { $in: "x" } } }, "filter.metadata.year.$in"],
  ["a bad item of $nin", { metadata: { year: { $nin: [1, null] } } }, "filter.metadata.year.$nin.1"],
  ["$exists not a boolean", { metadata: { draft: { $exists: "yes" } } }, "filter.metadata.draft.$exists"],
  ["a null metadata value", { metadata: { year: null } }, "filter.metadata.year"],
  ["no operator", { metadata: { year: {} } }, "filter.metadata.year"],
  ["a date that is not one", { upload_date: { $gt: "yesterday" } }, "filter.upload_date.$gt"],
  ["a day that does not exist", { upload_date: { $gt: "2024-02-30" } }, "filter.upload_date.$gt"],
  ["$contains on a date", { upload_date: { $contains: "2024" } }, "filter.upload_date.$contains"],
  [
    "a range on an id",
    { document_id: { $gt: "00000000-0000-4000-8000-000000000000" } },
    "filter.document_id.$gt",
  ],
  ["an id that is not a UUID", { document_id: { $in: ["x"] } }, "filter.document_id.$in.0"],
  ["an empty $or", { $or: [] }, "filter.$or"],
  ["an unknown field inside $or", { $or: [{ bogus: 1 }] }, "filter.$or.0.bogus"],
  ["a list for filename", { filename: ["a.txt"] }, "filter.filename"],
  ["a NUL in a key", { metadata: { "a\u0000": 1 } }, "filter.metadata.a\u0000"],
  ["a NUL in a value", { metadata: { a: { $eq: "x\u0000" } } }, "filter.metadata.a.$eq"],
  ["not an object", "dept=planning", "filter"],
  ["too many conditions", { metadata: keys(257) }, "filter"],
  [
    "an $in list too long",
    { metadata: { k: { $in: Array.from({ length: 1001 }, (_, i) => i) } } },
    "filter.metadata.k.$in",
  ],
  [
    "$and nested too deep",
    { $and: [{ $and: [{ $and: [{ $and: [{}] }] }] }] },
    "filter.$and.0.$and.0.$and.0.$and",
  ],
];

describe("POST /query refuses malformed filters", () => {
  it.each(malformed)("%s -> 422", async (_name, filter, path) => {
    const r = await query("keyword", filter);
    expect(r.status).toBe(422);
    expect(r.response.headers.get("content-type")).toBe("application/problem+json");
    expect(r.body.code).toBe("validation_failed");
    expect(r.body.errors?.map((e) => e.path)).toEqual([path]);
  });

  it("takes the deepest nesting and the most conditions allowed", async () => {
    const deep = await query("keyword", {
      $and: [{ $or: [{ $and: [{ metadata: { dept: "planning" } }] }] }],
    });
    expect(deep.status).toBe(200);
    expect(deep.body.results.map((p) => p.filename).sort()).toEqual(["a.txt", "c.md"]);
    const wide = await query("keyword", { metadata: keys(256) });
    expect(wide.status).toBe(200);
    expect(wide.body.results).toEqual([]);
  });
});
