import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type EmbeddedStack, startEmbeddedStack, uploadForm } from "../support/embedded-stack.js";

let stack: EmbeddedStack;
let collection: string;
beforeAll(async () => {
  stack = await startEmbeddedStack();
  collection = await stack.createCollection();
});
afterAll(() => stack.close());

async function counter(name: string, labels: string): Promise<number> {
  const text = await (await stack.request("/metrics")).text();
  const line = text.split("\n").find((l) => l.startsWith(`${name}{${labels}}`));
  return line === undefined ? 0 : Number(line.slice(line.lastIndexOf(" ") + 1));
}
const cacheCount = (result: string) => counter("docstack_query_cache_total", `result="${result}"`);

async function upload(name: string, text: string): Promise<string> {
  const r = await stack.json<{ document: { id: string } }>("/documents", {
    method: "POST",
    body: uploadForm(collection, { name, bytes: text }),
  });
  expect(r.status).toBe(201);
  await stack.indexAll();
  return r.body.document.id;
}

const query = (text: string, mode = "keyword") =>
  stack.json<{ results: { document_id: string }[] }>("/query", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ collection_id: collection, query: text, mode }),
  });

describe("query cache", () => {
  it("serves a repeated query from the cache, and never a stale answer after the index changes", async () => {
    const first = await upload("ferry.txt", "The harbour ferry leaves every forty minutes.");
    const hits = await cacheCount("hit");
    const a = await query("ferry");
    const b = await query("ferry");
    expect(b.body.results).toEqual(a.body.results);
    expect(await cacheCount("hit")).toBe(hits + 1);

    // A new document about ferries is indexed: the next answer includes it.
    const second = await upload("ferry2.txt", "A second ferry crosses to the island at noon.");
    const c = await query("ferry");
    expect(c.body.results.map((r) => r.document_id).sort()).toEqual([first, second].sort());
    expect(await cacheCount("hit")).toBe(hits + 1);

    // Deleted: gone from the next answer at once.
    expect((await stack.request(`/documents/${second}`, { method: "DELETE" })).status).toBe(204);
    const d = await query("ferry");
    expect(d.body.results.map((r) => r.document_id)).toEqual([first]);
  });

  it("runs identical concurrent queries once (single-flight)", async () => {
    await upload("bins.txt", "Recycling bins are collected on alternate Thursdays.");
    const searches = await counter("docstack_search_duration_seconds_count", 'side="keyword"');
    const shared = await cacheCount("shared");
    const answers = await Promise.all(Array.from({ length: 10 }, () => query("recycling thursdays")));
    expect(new Set(answers.map((r) => JSON.stringify(r.body.results))).size).toBe(1);
    expect(await counter("docstack_search_duration_seconds_count", 'side="keyword"')).toBe(searches + 1);
    expect(await cacheCount("shared")).toBe(shared + 9);
  });
});
