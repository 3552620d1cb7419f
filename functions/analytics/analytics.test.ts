import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiKey } from "../../shared/auth/api-keys.js";
import { type EmbeddedStack, startEmbeddedStack, uploadText } from "../../tests/support/embedded-stack.js";

let stack: EmbeddedStack;
beforeAll(async () => {
  stack = await startEmbeddedStack();
});
afterAll(() => stack.close());

const post = (body: unknown, headers: Record<string, string> = {}) => ({
  method: "POST",
  headers: { "content-type": "application/json", ...headers },
  body: JSON.stringify(body),
});

async function collection(analyticsText: string): Promise<string> {
  const r = await stack.json<{ id: string }>(
    "/collections",
    post({ name: `an-${crypto.randomUUID()}`, analytics_text: analyticsText }),
  );
  expect(r.status).toBe(201);
  return r.body.id;
}

async function ask(
  collectionId: string,
  query: string,
): Promise<{ query_id: string; results: { document_id: string }[] }> {
  const r = await stack.json<{ query_id: string; results: { document_id: string }[] }>(
    "/query",
    post({ collection_id: collectionId, query, mode: "keyword", top_k: 5 }),
  );
  expect(r.status).toBe(200);
  return r.body;
}

/**
 * A scripted workload: 12 × a question that finds the ferry timetable, 10 × one that finds
 * nothing, 3 × another that finds nothing (a group below ANALYTICS_MIN_COUNT, 10), feedback.
 */
const workload = { ferry: 12, zeppelin: 10, parking: 3 };

let c: string;
let ferry: string;
let grants: string;
let ferryResults: Set<string>;

beforeAll(async () => {
  c = await collection("full");
  ferry = await uploadText(
    stack,
    c,
    "ferry.txt",
    "The harbour ferry leaves every forty minutes from the north pier.",
  );
  grants = await uploadText(
    stack,
    c,
    "grants.txt",
    "Heritage grant applications close on the first of March.",
  );
  await stack.indexAll();
  ferryResults = new Set();
  const asked: string[] = [];
  for (let i = 0; i < workload.ferry; i++) {
    const answer = await ask(c, i % 2 === 0 ? "When does the FERRY leave?" : "when does the ferry  leave?");
    for (const r of answer.results) ferryResults.add(r.document_id);
    asked.push(answer.query_id);
  }
  for (let i = 0; i < workload.zeppelin; i++) await ask(c, "zeppelin timetable");
  for (let i = 0; i < workload.parking; i++) await ask(c, "parking permits");
  for (const helpful of [true, true, false]) {
    const r = await stack.json(`/query/${asked[0]}/feedback`, post({ collection_id: c, helpful }));
    expect(r.status).toBe(201);
  }
  await stack.deps.analytics.flush();
});

const get = <T>(path: string) => stack.json<T>(path);

describe("GET /analytics/retrieval", () => {
  it("gives exactly the workload's aggregates", async () => {
    const r = await get<Record<string, unknown>>(`/analytics/retrieval?collection_id=${c}`);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const total = workload.ferry + workload.zeppelin + workload.parking;
    expect(r.body).toMatchObject({
      collection_id: c,
      queries: total,
      by_mode: { keyword: total, vector: 0, hybrid: 0 },
      unique_documents: ferryResults.size,
      failed: 0,
      zero_results: workload.zeppelin + workload.parking,
      // Every ask after the first of each wording is answered from the query cache (the ferry
      // question comes in two).
      cache_hits: total - 4,
      failure_rate: 0,
      feedback: { helpful: 2, not_helpful: 1 },
    });
    expect(r.body.zero_result_rate).toBeCloseTo(13 / 25, 6);
    const latency = r.body.latency_ms as { p50: number; p95: number };
    expect(latency.p50).toBeGreaterThan(0);
    expect(latency.p95).toBeGreaterThanOrEqual(latency.p50);
  });

  it("reads a range the wrong way round as empty, cuts one over a year, and answers 404 for an unknown collection", async () => {
    const backwards = await get<{ from: string; to: string; queries: number }>(
      `/analytics/retrieval?collection_id=${c}&from=2099-02-01T00:00:00Z&to=2026-01-01T00:00:00Z`,
    );
    expect(backwards.status).toBe(200);
    expect(backwards.body).toMatchObject({
      from: "2026-01-01T00:00:00.000Z",
      to: "2026-01-01T00:00:00.000Z",
      queries: 0,
    });
    const long = await get<{ from: string }>(
      `/analytics/retrieval?collection_id=${c}&from=2000-01-01T00:00:00Z&to=2026-01-01T00:00:00Z`,
    );
    expect(long.body.from).toBe("2024-12-31T00:00:00.000Z");
    const hourly = await get<{ points: unknown[] }>(
      `/analytics/timeseries?collection_id=${c}&bucket=hour&from=2025-01-01T00:00:00Z&to=2026-01-01T00:00:00Z`,
    );
    expect(hourly.body.points).toHaveLength(2000);
    const unknown = await get(`/analytics/retrieval?collection_id=${crypto.randomUUID()}`);
    expect(unknown.status).toBe(404);
  });

  it("counts nothing outside its range", async () => {
    const r = await get<{ queries: number }>(
      `/analytics/retrieval?collection_id=${c}&from=2020-01-01T00:00:00Z&to=2020-02-01T00:00:00Z`,
    );
    expect(r.body.queries).toBe(0);
  });
});

describe("GET /analytics/queries", () => {
  it("shows groups of at least ANALYTICS_MIN_COUNT, with their text, and hides the rest", async () => {
    const r = await get<{
      min_count: number;
      top: { queries: number; text: string | null }[];
      unanswered: { queries: number; text: string | null }[];
      hidden_groups: number;
    }>(`/analytics/queries?collection_id=${c}`);
    expect(r.status).toBe(200);
    expect(r.body.min_count).toBe(10);
    // The two spellings of the ferry question are one group (case and spacing aside).
    expect(r.body.top.map((g) => [g.queries, g.text?.toLowerCase().replace(/\s+/g, " ")])).toEqual([
      [12, "when does the ferry leave?"],
      [10, "zeppelin timetable"],
    ]);
    expect(r.body.unanswered.map((g) => [g.queries, g.text])).toEqual([[10, "zeppelin timetable"]]);
    expect(r.body.hidden_groups).toBe(1);
  });

  it("shows counts without text for a hashed collection, and nothing to group for an off one", async () => {
    const hashed = await collection("hashed");
    const off = await collection("off");
    for (let i = 0; i < 10; i++) {
      await ask(hashed, "library opening hours");
      await ask(off, "library opening hours");
    }
    await stack.deps.analytics.flush();
    const h = await get<{ top: { queries: number; text: string | null }[] }>(
      `/analytics/queries?collection_id=${hashed}`,
    );
    expect(h.body.top).toEqual([
      { query_hash: expect.stringMatching(/^[0-9a-f]{64}$/), queries: 10, text: null },
    ]);
    const o = await get<{ top: unknown[]; queries_without_text: number }>(
      `/analytics/queries?collection_id=${off}`,
    );
    expect(o.body).toMatchObject({ top: [], queries_without_text: 10 });
  });
});

describe("GET /analytics/documents", () => {
  it("names the document the queries returned and the one none did", async () => {
    const r = await get<{
      most_retrieved: { document_id: string; queries: number }[];
      never_retrieved: { document_id: string }[];
    }>(`/analytics/documents?collection_id=${c}`);
    expect(r.status).toBe(200);
    expect(r.body.most_retrieved[0]).toMatchObject({ document_id: ferry, queries: workload.ferry });
    expect(r.body.never_retrieved.map((d) => d.document_id)).toEqual(
      ferryResults.has(grants) ? [] : [grants],
    );
  });
});

describe("GET /analytics/timeseries", () => {
  it("puts every query in its hour, with every hour of the range present", async () => {
    const to = new Date(Math.ceil(Date.now() / 3_600_000) * 3_600_000 + 3_600_000);
    const from = new Date(to.getTime() - 6 * 3_600_000);
    const r = await get<{ points: { start: string; queries: number }[] }>(
      `/analytics/timeseries?collection_id=${c}&bucket=hour&from=${from.toISOString()}&to=${to.toISOString()}`,
    );
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.points).toHaveLength(6);
    expect(r.body.points[0]?.start).toBe(from.toISOString().replace(".000Z", "Z"));
    expect(r.body.points.reduce((sum, p) => sum + p.queries, 0)).toBe(25);
  });
});

describe("ANALYTICS_EPSILON", () => {
  it("publishes group counts with Laplace noise, the threshold applied to the noisy counts", async () => {
    const noisy = await startEmbeddedStack({ ANALYTICS_EPSILON: "0.5" });
    try {
      const seen: number[] = [];
      for (let i = 0; i < 8; i++) {
        const r = await noisy.json<{ noise_epsilon: number; top: { queries: number; text: string }[] }>(
          `/analytics/queries?collection_id=${c}`,
        );
        expect(r.status).toBe(200);
        expect(r.body.noise_epsilon).toBe(0.5);
        for (const group of r.body.top) expect(group.queries).toBeGreaterThanOrEqual(10);
        const ferryGroup = r.body.top.find((g) => g.text.toLowerCase().includes("ferry"));
        if (ferryGroup) seen.push(ferryGroup.queries);
      }
      // 12 plus noise of scale 2: published in most draws, and not always the same figure.
      expect(seen.length).toBeGreaterThan(0);
      expect(new Set(seen).size).toBeGreaterThan(1);
      expect(seen.every((n) => Math.abs(n - 12) <= 30)).toBe(true);
    } finally {
      await noisy.close();
    }
  });
});

// Last: once a key exists, the development install's anonymous access ends.
describe("analytics and API keys", () => {
  it("a key limited to one collection reads its analytics only, and must name it", async () => {
    const other = await collection("off");
    const { key } = await createApiKey(stack.deps.db, { name: "only-c", scopes: ["read"], collections: [c] });
    const auth = { headers: { authorization: `Bearer ${key}` } };
    expect((await stack.request(`/analytics/retrieval?collection_id=${c}`, auth)).status).toBe(200);
    expect((await stack.request(`/analytics/retrieval?collection_id=${other}`, auth)).status).toBe(403);
    expect((await stack.request("/analytics/retrieval", auth)).status).toBe(403);
    expect((await stack.request(`/analytics/queries?collection_id=${other}`, auth)).status).toBe(403);
  });
});
