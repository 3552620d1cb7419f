import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RerankApi } from "../../shared/rerank/rerank-api.js";
import { type EmbeddedStack, startEmbeddedStack, uploadText } from "../../tests/support/embedded-stack.js";
import { type RerankStub, type RerankStubOptions, startRerankStub } from "../../tests/support/rerank-stub.js";

/**
 * Reranking through POST /query, against a local stand-in for each rerank API. Every stack
 * shares this file's database, so the documents are uploaded and indexed once, by the stack
 * without a reranker, and searched by stacks configured in different ways.
 */

interface Result {
  document_id: string;
  filename: string;
  text: string;
  score: number;
  rerank_score?: number;
  ranks: { keyword: number | null; vector: number | null };
}
interface Problem {
  code: string;
  errors?: { path: string; message: string }[];
}

const longText = `Bees, a long note. ${"Pollen counts were taken every morning along the hedges. ".repeat(6)}`;
const docs: Record<string, string> = {
  "bees.txt": "Honey bees make honey and pollinate orchards.",
  "hives.txt": "Bee hives need shade; keepers check the hives for honey weekly.",
  "wasps.txt": "Wasps are not bees, though they visit orchards for honey too.",
  "long.txt": longText,
};

/** The stand-in reranker's judgement: the order it gives is not the fused one. */
const stubScore = (_query: string, text: string) =>
  text.includes("Wasps") ? 0.9 : text.includes("hives") ? 0.6 : text.includes("Pollen") ? 0.3 : 0.1;

let plain: EmbeddedStack;
let collection: string;
const stacks: EmbeddedStack[] = [];
const stubs: RerankStub[] = [];

async function stub(options: Partial<RerankStubOptions> & { api?: RerankApi } = {}): Promise<RerankStub> {
  const s = await startRerankStub({ api: "tei", score: stubScore, ...options });
  stubs.push(s);
  return s;
}

/** A stack reranking with a TEI-shaped stub. */
async function stackWith(s: RerankStub, env: Record<string, string> = {}): Promise<EmbeddedStack> {
  const stack = await startEmbeddedStack({ RERANKER: "tei", RERANK_URL: s.url, ...env });
  stacks.push(stack);
  return stack;
}

const query = (stack: EmbeddedStack, body: Record<string, unknown>) =>
  stack.json<{ results: Result[] }>("/query", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ collection_id: collection, query: "honey bees hives", top_k: 10, ...body }),
  });

const rerankHeader = (r: { response: Response }) => r.response.headers.get("docstack-rerank");

/** The fused results, reordered as the stub scores them (ties keep the fused order), top k. */
function expectedOrder(fused: Result[], topK: number): string[] {
  return fused
    .map((r, i) => ({ name: r.filename, score: stubScore("", r.text), i }))
    .sort((a, b) => b.score - a.score || a.i - b.i)
    .slice(0, topK)
    .map((r) => r.name);
}

let fused: Result[];

beforeAll(async () => {
  plain = await startEmbeddedStack();
  stacks.push(plain);
  collection = await plain.createCollection();
  for (const [name, text] of Object.entries(docs)) await uploadText(plain, collection, name, text);
  await plain.indexAll();
  const r = await query(plain, {});
  expect(r.status).toBe(200);
  fused = r.body.results;
  expect(fused).toHaveLength(4);
  // Otherwise reranking could not be told from the fused order.
  expect(expectedOrder(fused, 4)).not.toEqual(fused.map((f) => f.filename));
});
afterAll(async () => {
  await Promise.all(stacks.map((s) => s.close()));
  await Promise.all(stubs.map((s) => s.close()));
});

describe.each<RerankApi>(["tei", "cohere", "jina"])("POST /query reranked by a %s rerank API", (api) => {
  let s: RerankStub;
  let stack: EmbeddedStack;
  beforeAll(async () => {
    s = await stub({ api });
    stack = await startEmbeddedStack({
      RERANKER: api,
      RERANK_URL: s.url,
      RERANK_MODEL: "stub-reranker",
      RERANK_API_KEY: "rerank-secret",
    });
    stacks.push(stack);
  });

  it("reorders the fused candidates by the reranker's scores and says so", async () => {
    const r = await query(stack, { rerank: true, top_k: 3 });
    expect(r.status).toBe(200);
    expect(rerankHeader(r)).toBe("applied");
    expect(r.body.results.map((x) => x.filename)).toEqual(expectedOrder(fused, 3));
    expect(r.body.results.map((x) => x.rerank_score)).toEqual([0.9, 0.6, 0.3]);
    // score and ranks keep their meaning: the fused score and the candidate lists' positions.
    for (const x of r.body.results) {
      const before = fused.find((f) => f.document_id === x.document_id);
      expect(x.score).toBe(before?.score);
      expect(x.ranks).toEqual(before?.ranks);
    }
  });

  it("sends the API's own request shape, with the key", async () => {
    const arrival = s.arrivals.at(-1);
    expect(arrival?.authorization).toBe("Bearer rerank-secret");
    expect(arrival?.body.query).toBe("honey bees hives");
    expect(new Set(arrival?.passages)).toEqual(new Set(fused.map((f) => f.text)));
    if (api === "tei") expect(arrival?.body).toMatchObject({ raw_scores: false, truncate: true });
    else expect(arrival?.body).toMatchObject({ model: "stub-reranker", top_n: 4 });
    if (api === "jina") expect(arrival?.body.return_documents).toBe(false);
    if (api === "cohere") expect(arrival?.body).not.toHaveProperty("return_documents");
  });
});

describe("POST /query when the reranker fails", () => {
  it("keeps the fused order past the time limit, with a header saying so", async () => {
    let slow = true;
    const s = await stub({ delayMs: () => (slow ? 3000 : 0) });
    const stack = await stackWith(s, { RERANK_TIMEOUT_MS: "1000" });
    const r = await query(stack, { rerank: true, top_k: 3 });
    expect(r.status).toBe(200);
    expect(rerankHeader(r)).toBe("fallback; reason=timeout");
    expect(r.body.results.map((x) => x.filename)).toEqual(fused.slice(0, 3).map((f) => f.filename));
    expect(r.body.results.every((x) => x.rerank_score === undefined)).toBe(true);
    // Not cached: once the reranker answers in time, the same query is reranked.
    slow = false;
    const again = await query(stack, { rerank: true, top_k: 3 });
    expect(rerankHeader(again)).toBe("applied");
    expect(again.body.results.map((x) => x.filename)).toEqual(expectedOrder(fused, 3));
  });

  it("sends a request that got no answer at all once more, and no more", async () => {
    let drops = 1;
    const s = await stub({ drop: () => drops-- > 0 });
    const stack = await stackWith(s, { QUERY_CACHE: "off" });
    const once = await query(stack, { rerank: true, top_k: 3 });
    expect(rerankHeader(once)).toBe("applied");
    expect(s.arrivals).toHaveLength(2);
    drops = 2;
    const twice = await query(stack, { rerank: true, top_k: 3 });
    expect(rerankHeader(twice)).toBe("fallback; reason=error");
    expect(s.arrivals).toHaveLength(4);
  });

  it("opens the breaker after BREAKER_FAILURES failures and stops calling the reranker", async () => {
    const s = await stub({ failWith: () => 500 });
    const stack = await stackWith(s, { BREAKER_FAILURES: "2" });
    const headers: (string | null)[] = [];
    for (let i = 0; i < 4; i++) {
      const r = await query(stack, { rerank: true, top_k: 2 });
      expect(r.status).toBe(200);
      expect(r.body.results.map((x) => x.filename)).toEqual(fused.slice(0, 2).map((f) => f.filename));
      headers.push(rerankHeader(r));
    }
    expect(headers).toEqual([
      "fallback; reason=error",
      "fallback; reason=error",
      "fallback; reason=circuit-open",
      "fallback; reason=circuit-open",
    ]);
    expect(s.arrivals).toHaveLength(2);
    expect(stack.deps.breakerStates?.()).toContain("open");
    const metrics = await (await stack.request("/metrics")).text();
    expect(metrics).toMatch(/docstack_rerank_total\{outcome="circuit-open"\} [1-9]/);
  });
});

describe("POST /query's request bound", () => {
  it("cuts each passage to RERANK_MAX_CHARS and sends RERANK_BATCH_SIZE passages per request", async () => {
    const s = await stub();
    const stack = await stackWith(s, { RERANK_MAX_CHARS: "100", RERANK_BATCH_SIZE: "3" });
    const r = await query(stack, { rerank: true, top_k: 4 });
    expect(rerankHeader(r)).toBe("applied");
    expect(s.arrivals.map((a) => a.passages.length)).toEqual([3, 1]);
    const sent = s.arrivals.flatMap((a) => a.passages);
    expect(sent).toHaveLength(4);
    expect(Math.max(...sent.map((p) => p.length))).toBeLessThanOrEqual(100);
    expect(sent).toContain(longText.slice(0, longText.lastIndexOf(" ", 100)).trimEnd());
  });

  it("reranks only the best RERANK_DEPTH candidates, and never fewer than top_k", async () => {
    const s = await stub();
    const stack = await stackWith(s, { RERANK_DEPTH: "2" });
    await query(stack, { rerank: true, top_k: 1 });
    expect(s.arrivals.at(-1)?.passages).toEqual(fused.slice(0, 2).map((f) => f.text));
    await query(stack, { rerank: true, top_k: 3 });
    expect(s.arrivals.at(-1)?.passages).toHaveLength(3);
  });
});

describe("whether a query is reranked", () => {
  let s: RerankStub;
  let stack: EmbeddedStack;
  let defaulted: EmbeddedStack;
  beforeAll(async () => {
    s = await stub();
    stack = await stackWith(s, { QUERY_CACHE: "off" });
    defaulted = await stackWith(s, { QUERY_CACHE: "off", RERANK_DEFAULT: "true" });
  });

  const collectionWith = async (on: EmbeddedStack, rerank: boolean | undefined) => {
    const r = await on.json<{ id: string; rerank: boolean | null }>("/collections", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        name: `rerank-${crypto.randomUUID()}`,
        ...(rerank === undefined ? {} : { rerank }),
      }),
    });
    expect(r.status).toBe(201);
    expect(r.body.rerank).toBe(rerank ?? null);
    const got = await on.json<{ rerank: boolean | null }>(`/collections/${r.body.id}`);
    expect(got.body.rerank).toBe(rerank ?? null);
    await uploadText(on, r.body.id, "bees.txt", docs["bees.txt"] ?? "");
    await uploadText(on, r.body.id, "wasps.txt", docs["wasps.txt"] ?? "");
    await on.indexAll();
    return r.body.id;
  };

  const reranked = async (on: EmbeddedStack, id: string, rerank?: boolean) => {
    const before = s.arrivals.length;
    const r = await on.json<{ results: Result[] }>("/query", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        collection_id: id,
        query: "honey bees",
        ...(rerank === undefined ? {} : { rerank }),
      }),
    });
    expect(r.status).toBe(200);
    const called = s.arrivals.length > before;
    expect(rerankHeader(r)).toBe(called ? "applied" : null);
    expect(r.body.results.some((x) => x.rerank_score !== undefined)).toBe(called);
    return called;
  };

  it.each([
    ["the request says, whatever the collection", true, false, "off", true],
    ["the request says no, whatever the collection", false, true, "on", false],
    ["the collection's default, when the request does not say", undefined, true, "off", true],
    ["the collection's no, against the server's default", undefined, false, "on", false],
    ["the server's default, when neither says", undefined, undefined, "on", true],
    ["no reranking, when nobody asks", undefined, undefined, "off", false],
  ] as const)("%s", async (_name, request, collectionDefault, serverDefault, expected) => {
    const on = serverDefault === "on" ? defaulted : stack;
    const id = await collectionWith(on, collectionDefault);
    expect(await reranked(on, id, request)).toBe(expected);
  });
});

describe("reranking asked of a server without a reranker", () => {
  it("refuses rerank: true with 422 problem+json naming the field", async () => {
    const r = await query(plain, { rerank: true });
    expect(r.status).toBe(422);
    expect(r.response.headers.get("content-type")).toBe("application/problem+json");
    const body = r.body as unknown as Problem;
    expect(body.code).toBe("validation_failed");
    expect(body.errors?.[0]?.path).toBe("rerank");
  });

  it("answers a collection whose default asks for it in fused order, saying why", async () => {
    const r = await plain.json<{ id: string }>("/collections", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ name: `rerank-${crypto.randomUUID()}`, rerank: true }),
    });
    await uploadText(plain, r.body.id, "bees.txt", docs["bees.txt"] ?? "");
    await plain.indexAll();
    const q = await plain.json<{ results: Result[] }>("/query", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ collection_id: r.body.id, query: "honey bees" }),
    });
    expect(q.status).toBe(200);
    expect(rerankHeader(q)).toBe("fallback; reason=not-configured");
    expect(q.body.results.map((x) => x.filename)).toEqual(["bees.txt"]);
  });

  it("sends no header when reranking was not asked for", async () => {
    const r = await query(plain, { rerank: false });
    expect(r.status).toBe(200);
    expect(rerankHeader(r)).toBeNull();
  });
});

describe("bad rerank settings", () => {
  it.each([
    ["/query", { collection_id: "00000000-0000-4000-8000-000000000000", query: "bees", rerank: "yes" }],
    ["/query", { collection_id: "00000000-0000-4000-8000-000000000000", query: "bees", rerank: 1 }],
    ["/collections", { name: "bad-rerank", rerank: "sometimes" }],
    ["/collections", { name: "bad-rerank", rerank: null }],
  ])("%s with %j -> 422", async (path, body) => {
    const r = await plain.json<Problem>(path, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    expect(r.status).toBe(422);
    expect(r.response.headers.get("content-type")).toBe("application/problem+json");
    expect(r.body.code).toBe("validation_failed");
    expect(r.body.errors?.map((e) => e.path)).toContain("rerank");
  });
});
