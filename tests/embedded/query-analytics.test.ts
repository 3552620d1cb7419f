import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expireAnalytics } from "../../shared/analytics/analytics-retention.js";
import { sql } from "../../shared/db/sql.js";
import { type EmbeddedStack, startEmbeddedStack, uploadText } from "../support/embedded-stack.js";

let stack: EmbeddedStack;
beforeAll(async () => {
  stack = await startEmbeddedStack();
});
afterAll(() => stack.close());

const post = (body: unknown) => ({
  method: "POST",
  headers: { "content-type": "application/json" },
  body: JSON.stringify(body),
});

async function collectionWith(analyticsText?: string): Promise<string> {
  const r = await stack.json<{ id: string; analytics_text: string }>(
    "/collections",
    post({ name: `a-${crypto.randomUUID()}`, ...(analyticsText ? { analytics_text: analyticsText } : {}) }),
  );
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  expect(r.body.analytics_text).toBe(analyticsText ?? "off");
  return r.body.id;
}

async function ask(collection: string, query: string, mode = "hybrid") {
  const r = await stack.json<{ query_id: string; results: { document_id: string }[] }>(
    "/query",
    post({ collection_id: collection, query, mode, top_k: 3 }),
  );
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body;
}

interface EventRow {
  query_id: string;
  mode: string;
  result_count: number;
  document_ids: string[];
  cache_hit: boolean;
  error_class: string | null;
  query_hash: string | null;
  query_text: string | null;
  api_key_name: string | null;
}

async function events(collection: string): Promise<EventRow[]> {
  await stack.deps.analytics.flush();
  return stack.deps.db.query<EventRow>(sql`
    select query_id, mode, result_count, document_ids, cache_hit, error_class, query_hash, query_text, api_key_name
    from query_events where collection_id = ${collection} order by at, query_id`);
}

describe("query events", () => {
  it("records one event per query, with its results, and no text when the collection keeps none", async () => {
    const collection = await collectionWith();
    const ferry = await uploadText(
      stack,
      collection,
      "ferry.txt",
      "The harbour ferry leaves every forty minutes.",
    );
    await uploadText(stack, collection, "grants.txt", "Heritage grant applications close in March.");
    await stack.indexAll();

    const first = await ask(collection, "when does the ferry leave", "keyword");
    const again = await ask(collection, "when does the ferry leave", "keyword");
    const nothing = await ask(collection, "zeppelin", "keyword");

    const rows = await events(collection);
    expect(rows.map((r) => r.query_id).sort()).toEqual(
      [first.query_id, again.query_id, nothing.query_id].sort(),
    );
    const byId = new Map(rows.map((r) => [r.query_id, r]));
    expect(byId.get(first.query_id)).toMatchObject({
      mode: "keyword",
      result_count: first.results.length,
      cache_hit: false,
      error_class: null,
      query_hash: null,
      query_text: null,
      api_key_name: null,
    });
    expect(byId.get(first.query_id)?.document_ids[0]).toBe(ferry);
    // The same question again, the index unchanged: answered from the query cache.
    expect(byId.get(again.query_id)?.cache_hit).toBe(true);
    expect(byId.get(nothing.query_id)).toMatchObject({ result_count: 0, document_ids: [] });
  });

  it("keeps a keyed hash of the normal form when hashed, and the text too when full", async () => {
    const hashed = await collectionWith("hashed");
    const full = await collectionWith("full");
    for (const collection of [hashed, full]) {
      await ask(collection, "Opening  hours?", "keyword");
      await ask(collection, " opening HOURS? ", "keyword");
      await ask(collection, "parking", "keyword");
    }
    const h = await events(hashed);
    expect(h.every((r) => r.query_text === null)).toBe(true);
    expect(h.map((r) => r.query_hash)).toEqual([h[0]?.query_hash, h[0]?.query_hash, expect.any(String)]);
    expect(h[2]?.query_hash).not.toBe(h[0]?.query_hash);
    expect(h[0]?.query_hash).toMatch(/^[0-9a-f]{64}$/);

    const f = await events(full);
    expect(f.map((r) => r.query_text)).toEqual(["Opening  hours?", "opening HOURS?", "parking"]);
    // One key per installation: the same question hashes alike in both collections.
    expect(f[0]?.query_hash).toBe(h[0]?.query_hash);
  });

  it("refuses an analytics_text it does not know", async () => {
    const r = await stack.json(
      "/collections",
      post({ name: `x-${crypto.randomUUID()}`, analytics_text: "some" }),
    );
    expect(r.status).toBe(422);
  });
});

describe("POST /query/{query_id}/feedback", () => {
  it("stores feedback on a query of a collection the caller may use", async () => {
    const collection = await collectionWith();
    const answer = await ask(collection, "anything", "keyword");
    const document = crypto.randomUUID();
    const r = await stack.json(
      `/query/${answer.query_id}/feedback`,
      post({ collection_id: collection, helpful: false, document_id: document }),
    );
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body).toEqual({
      query_id: answer.query_id,
      collection_id: collection,
      helpful: false,
      document_id: document,
    });
    const rows = await stack.deps.db.query(
      sql`select query_id, helpful, document_id from query_feedback where collection_id = ${collection}`,
    );
    expect(rows).toEqual([{ query_id: answer.query_id, helpful: false, document_id: document }]);
  });

  it("answers 404 for an unknown collection and 422 for a bad body, storing nothing", async () => {
    const id = crypto.randomUUID();
    const missing = await stack.json(
      `/query/${id}/feedback`,
      post({ collection_id: crypto.randomUUID(), helpful: true }),
    );
    expect(missing.status).toBe(404);
    const bad = await stack.json(`/query/${id}/feedback`, post({ helpful: "yes" }));
    expect(bad.status).toBe(422);
    const notUuid = await stack.json("/query/abc/feedback", post({ collection_id: id, helpful: true }));
    expect(notUuid.status).toBe(422);
    expect(await stack.deps.db.query(sql`select 1 from query_feedback where query_id = ${id}`)).toEqual([]);
  });
});

describe("analytics retention", () => {
  it("drops events and feedback older than the retention, and keeps the rest", async () => {
    const collection = await collectionWith();
    await stack.deps.db.query(sql`
      insert into query_events (query_id, at, collection_id, mode, latency_ms, result_count)
      values (${crypto.randomUUID()}, now() - interval '400 days', ${collection}, 'keyword', 1, 0),
             (${crypto.randomUUID()}, now(), ${collection}, 'keyword', 1, 0)`);
    await stack.deps.db.query(sql`
      insert into query_feedback (query_id, collection_id, at, helpful)
      values (${crypto.randomUUID()}, ${collection}, now() - interval '100 days', true),
             (${crypto.randomUUID()}, ${collection}, now() - interval '10 days', false)`);
    await expireAnalytics(stack.deps.db, 90);
    const events = await stack.deps.db.query<{ old: boolean }>(
      sql`select at < now() - interval '90 days' as old from query_events where collection_id = ${collection}`,
    );
    expect(events).toEqual([{ old: false }]);
    const feedback = await stack.deps.db.query<{ helpful: boolean }>(
      sql`select helpful from query_feedback where collection_id = ${collection}`,
    );
    expect(feedback).toEqual([{ helpful: false }]);
  });
});
