import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type EmbeddedStack, startEmbeddedStack, uploadForm } from "../support/embedded-stack.js";

let stack: EmbeddedStack;
beforeAll(async () => {
  stack = await startEmbeddedStack();
});
afterAll(() => stack.close());

/** One sample's value from the Prometheus text, 0 if the series does not exist yet. */
function sample(text: string, name: string, labels: Record<string, string>): number {
  for (const line of text.split("\n")) {
    if (!line.startsWith(`${name}{`)) continue;
    const body = line.slice(name.length + 1, line.lastIndexOf("}"));
    const found = Object.fromEntries(
      [...body.matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((m) => [m[1], m[2]]),
    );
    if (
      Object.entries(labels).every(([k, v]) => found[k] === v) &&
      Object.keys(found).length === Object.keys(labels).length
    )
      return Number(line.slice(line.lastIndexOf(" ") + 1));
  }
  return 0;
}

async function scrape(): Promise<string> {
  const r = await stack.request("/metrics");
  expect(r.status).toBe(200);
  expect(r.headers.get("content-type")).toContain("text/plain; version=0.0.4");
  return r.text();
}

describe("/metrics", () => {
  it("counts exactly the requests made, by function, route pattern, method and status", async () => {
    const collection = await stack.createCollection();
    const up = await stack.request("/documents", {
      method: "POST",
      body: uploadForm(collection, { name: "m.txt", bytes: "Metrics are counted per route." }),
    });
    expect(up.status).toBe(201);
    const before = await scrape();

    for (let i = 0; i < 3; i++) expect((await stack.request(`/collections/${collection}`)).status).toBe(200);
    // Two different questions: the same one twice would be answered from the query cache.
    for (const text of ["metrics", "counted routes"]) {
      const q = await stack.request("/query", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ collection_id: collection, query: text, mode: "hybrid" }),
      });
      expect(q.status).toBe(200);
    }
    expect((await stack.request(`/documents/${crypto.randomUUID()}`)).status).toBe(404);
    await stack.indexAll();
    const after = await scrape();

    const delta = (name: string, labels: Record<string, string>) =>
      sample(after, name, labels) - sample(before, name, labels);
    const req = "docstack_http_requests_total";
    expect(delta(req, { function: "upload", route: "/collections/:id", method: "GET", status: "200" })).toBe(
      3,
    );
    expect(delta(req, { function: "query", route: "/query", method: "POST", status: "200" })).toBe(2);
    expect(delta(req, { function: "upload", route: "/documents/:id", method: "GET", status: "404" })).toBe(1);
    expect(
      delta("docstack_http_request_duration_seconds_count", {
        function: "query",
        route: "/query",
        method: "POST",
        status: "2xx",
      }),
    ).toBe(2);
    // Hybrid runs both sides once per query.
    expect(delta("docstack_search_duration_seconds_count", { side: "keyword" })).toBe(2);
    expect(delta("docstack_search_duration_seconds_count", { side: "vector" })).toBe(2);
    expect(delta("docstack_indexed_documents_total", { outcome: "indexed" })).toBe(1);
    expect(delta("docstack_index_stage_duration_seconds_count", { stage: "embed" })).toBe(1);
    expect(sample(after, "docstack_index_queue_documents", { status: "pending" })).toBe(0);
  });
});
