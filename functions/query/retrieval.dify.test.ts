import { execFile } from "node:child_process";
import { readFile } from "node:fs/promises";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiKey } from "../../shared/auth/api-keys.js";
import { type Served, serveNode } from "../../shared/http/serve-node.js";
import { type EmbeddedStack, startEmbeddedStack, uploadForm } from "../../tests/support/embedded-stack.js";
import { type RerankStub, startRerankStub } from "../../tests/support/rerank-stub.js";
import { composeApps } from "../compose-apps.js";

const run = promisify(execFile);

let stack: EmbeddedStack;
let collection: string;
let other: string;
/** A server with a reranker, and a collection whose queries it reranks by default. */
let reranking: { stub: RerankStub; stack: EmbeddedStack; collection: string };
const keys: Record<string, string> = {};

const docs: Record<string, [string, Record<string, unknown>]> = {
  "dify.txt": [
    "Dify is an open-source platform for building LLM apps.",
    { topic: "platform", year: 2024, tags: ["llm"] },
  ],
  "ferry.txt": [
    "The ferry to the island leaves every forty minutes; Dify users ask about it.",
    { topic: "travel", year: 2019 },
  ],
  "tax.txt": [
    "Income tax returns are due by 31 January, as Dify's finance app says.",
    { topic: "finance", year: "2021-03-01" },
  ],
};

beforeAll(async () => {
  stack = await startEmbeddedStack();
  collection = await stack.createCollection();
  other = await stack.createCollection();
  for (const [name, [text, metadata]] of Object.entries(docs)) {
    const r = await stack.json("/documents", {
      method: "POST",
      body: uploadForm(collection, { name, bytes: text }, { metadata: JSON.stringify(metadata) }),
    });
    expect(r.status).toBe(201);
  }
  await stack.indexAll();
  // Made before the keys below, while the install is still open.
  const stub = await startRerankStub({
    api: "tei",
    score: (_q, text) => (text.includes("ferry") ? 0.9 : 0.1),
  });
  const withReranker = await startEmbeddedStack({ RERANKER: "tei", RERANK_URL: stub.url });
  const made = await withReranker.json<{ id: string }>("/collections", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ name: `dify-rerank-${crypto.randomUUID()}`, rerank: true }),
  });
  for (const [name, [text]] of Object.entries(docs))
    await withReranker.json("/documents", {
      method: "POST",
      body: uploadForm(made.body.id, { name, bytes: text }),
    });
  await withReranker.indexAll();
  reranking = { stub, stack: withReranker, collection: made.body.id };
  const db = stack.deps.db;
  keys.reader = (await createApiKey(db, { name: "dify-reader", scopes: ["read"] })).key;
  keys.otherOnly = (
    await createApiKey(db, { name: "dify-other", scopes: ["read"], collections: [other] })
  ).key;
  keys.writeOnly = (await createApiKey(db, { name: "dify-writer", scopes: ["write"] })).key;
});
afterAll(async () => {
  await stack.close();
  await reranking?.stack.close();
  await reranking?.stub.close();
});

interface DifyRecord {
  content: string;
  score: number;
  title: string;
  metadata: Record<string, unknown>;
}
type Answer = { records: DifyRecord[]; error_code?: number; error_msg?: string };

const retrieve = (
  body: unknown,
  headers: Record<string, string> = { authorization: `Bearer ${keys.reader}` },
) =>
  stack.json<Answer>("/retrieval", {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });

describe("POST /retrieval (Dify's External Knowledge API)", () => {
  it("answers the request exactly as Dify's documentation shows it with records in Dify's shape", async () => {
    const r = await retrieve({
      knowledge_id: collection,
      query: "What is Dify?",
      retrieval_setting: { top_k: 3, score_threshold: 0.5 },
    });
    expect(r.status).toBe(200);
    expect(r.response.headers.get("content-type")).toMatch(/^application\/json/);
    expect(r.body.records.length).toBeGreaterThan(0);
    expect(r.body.records.length).toBeLessThanOrEqual(3);
    const [first] = r.body.records;
    expect(first?.title).toBe("dify.txt");
    expect(first?.content).toContain("open-source platform");
    expect(first?.metadata).toMatchObject({
      filename: "dify.txt",
      content_type: "text/plain",
      chunk_index: 0,
    });
    expect(first?.metadata.document_id).toMatch(/^[0-9a-f-]{36}$/);
    expect(first?.metadata.char_start).toBe(0);
    for (const record of r.body.records) {
      expect(Object.keys(record).sort()).toEqual(["content", "metadata", "score", "title"]);
      expect(record.score).toBeGreaterThanOrEqual(0.5);
      expect(record.score).toBeLessThanOrEqual(1);
    }
    const scores = r.body.records.map((x) => x.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it("leaves out records below the score threshold, and answers an empty list when none is left", async () => {
    const all = await retrieve({
      knowledge_id: collection,
      query: "Dify",
      retrieval_setting: { top_k: 10, score_threshold: 0 },
    });
    expect(all.body.records.length).toBe(3);
    const threshold = all.body.records[1]?.score ?? 1;
    const some = await retrieve({
      knowledge_id: collection,
      query: "Dify",
      retrieval_setting: { top_k: 10, score_threshold: threshold },
    });
    expect(some.body.records.length).toBeGreaterThanOrEqual(1);
    expect(some.body.records.length).toBeLessThan(3);
    expect(some.body.records.every((x) => x.score >= threshold)).toBe(true);
    const none = await retrieve({
      knowledge_id: collection,
      query: "xylophone",
      // The built-in embedder's vector side finds something in anything; nothing scores near a real match.
      retrieval_setting: { top_k: 3, score_threshold: 0.5 },
    });
    expect(none.status).toBe(200);
    expect(none.body).toEqual({ records: [] });
  });

  it.each<[string, unknown, string[]]>([
    ["is", { name: "topic", comparison_operator: "is", value: "travel" }, ["ferry.txt"]],
    ["is not", { name: "topic", comparison_operator: "is not", value: "travel" }, ["dify.txt", "tax.txt"]],
    [
      "in",
      { name: "topic", comparison_operator: "in", value: ["travel", "finance"] },
      ["ferry.txt", "tax.txt"],
    ],
    ["not in", { name: "topic", comparison_operator: "not in", value: ["travel"] }, ["dify.txt", "tax.txt"]],
    ["contains (array)", { name: "tags", comparison_operator: "contains", value: "llm" }, ["dify.txt"]],
    ["contains (string)", { name: "topic", comparison_operator: "contains", value: "nan" }, ["tax.txt"]],
    ["not contains", { name: "topic", comparison_operator: "not contains", value: "a" }, []],
    ["start with", { name: "topic", comparison_operator: "start with", value: "pla" }, ["dify.txt"]],
    ["end with", { name: "topic", comparison_operator: "end with", value: "vel" }, ["ferry.txt"]],
    ["empty", { name: "tags", comparison_operator: "empty" }, ["ferry.txt", "tax.txt"]],
    ["not empty", { name: "tags", comparison_operator: "not empty" }, ["dify.txt"]],
    ["≥ with a number as text", { name: "year", comparison_operator: "≥", value: "2020" }, ["dify.txt"]],
    ["<", { name: "year", comparison_operator: "<", value: 2020 }, ["ferry.txt"]],
    ["after a date", { name: "year", comparison_operator: "after", value: "2021-01-01" }, ["tax.txt"]],
    [
      "a list of names (any)",
      { name: ["tags", "topic"], comparison_operator: "contains", value: "llm" },
      ["dify.txt"],
    ],
  ])("metadata_condition %s", async (_name, condition, expected) => {
    const r = await retrieve({
      knowledge_id: collection,
      query: "Dify",
      retrieval_setting: { top_k: 10, score_threshold: 0 },
      metadata_condition: { conditions: [condition] },
    });
    expect(r.status).toBe(200);
    expect(r.body.records.map((x) => x.title).sort()).toEqual(expected);
  });

  it("combines conditions with or", async () => {
    const r = await retrieve({
      knowledge_id: collection,
      query: "Dify",
      retrieval_setting: { top_k: 10, score_threshold: 0 },
      metadata_condition: {
        logical_operator: "or",
        conditions: [
          { name: "topic", comparison_operator: "is", value: "travel" },
          { name: "year", comparison_operator: "=", value: 2024 },
        ],
      },
    });
    expect(r.body.records.map((x) => x.title).sort()).toEqual(["dify.txt", "ferry.txt"]);
  });
});

describe("POST /retrieval of a collection reranked by default", () => {
  it("answers the records in the reranker's order, with their fused scores, and says so", async () => {
    const r = await reranking.stack.json<Answer>("/retrieval", {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${keys.reader}` },
      body: JSON.stringify({
        knowledge_id: reranking.collection,
        query: "What is Dify?",
        retrieval_setting: { top_k: 3, score_threshold: 0 },
      }),
    });
    expect(r.status).toBe(200);
    expect(r.response.headers.get("docstack-rerank")).toBe("applied");
    expect(r.body.records.map((x) => x.title)[0]).toBe("ferry.txt");
    expect(reranking.stub.arrivals).toHaveLength(1);
    for (const record of r.body.records) expect(record.score).toBeLessThanOrEqual(1);
  });
});

describe("POST /retrieval errors in Dify's shape", () => {
  const body = () => ({
    knowledge_id: collection,
    query: "Dify",
    retrieval_setting: { top_k: 3, score_threshold: 0 },
  });
  it.each<[string, () => unknown, Record<string, string>, number, number]>([
    ["no Authorization header", body, {}, 401, 1001],
    [
      "an Authorization header that is not Bearer",
      body,
      { authorization: `Basic ${btoa("a:b")}` },
      401,
      1001,
    ],
    ["a wrong key", body, { authorization: "Bearer dsk_not-a-key" }, 401, 1002],
    ["a key without the read scope", body, { authorization: "Bearer {writeOnly}" }, 403, 1002],
    ["a key for another collection", body, { authorization: "Bearer {otherOnly}" }, 403, 1002],
    [
      "an unknown knowledge_id",
      () => ({ ...body(), knowledge_id: "00000000-0000-4000-8000-000000000000" }),
      { authorization: "Bearer {reader}" },
      404,
      2001,
    ],
    [
      "a knowledge_id that is no id",
      () => ({ ...body(), knowledge_id: "AAA-BBB-CCC" }),
      { authorization: "Bearer {reader}" },
      404,
      2001,
    ],
    [
      "top_k 0",
      () => ({ ...body(), retrieval_setting: { top_k: 0, score_threshold: 0 } }),
      { authorization: "Bearer {reader}" },
      422,
      3001,
    ],
    [
      "a condition without the value it needs",
      () => ({
        ...body(),
        metadata_condition: { conditions: [{ name: "topic", comparison_operator: "is" }] },
      }),
      { authorization: "Bearer {reader}" },
      422,
      3001,
    ],
    ["a body that is not JSON", () => '{"knowledge_id":', { authorization: "Bearer {reader}" }, 400, 3001],
  ])("%s -> %s with error_code %s", async (_name, make, headers, status, code) => {
    const resolved = Object.fromEntries(
      Object.entries(headers).map(([k, v]) => [
        k,
        v.replace(/\{(\w+)\}/, (_m, name: string) => keys[name] ?? ""),
      ]),
    );
    const r = await retrieve(make(), resolved);
    expect(r.status).toBe(status);
    expect(r.response.headers.get("content-type")).toMatch(/^application\/json/);
    expect(Object.keys(r.body).sort()).toEqual(["error_code", "error_msg"]);
    expect(r.body.error_code).toBe(code);
    expect(r.body.error_msg).toBeTruthy();
  });

  it("names the field at fault in error_msg", async () => {
    const r = await retrieve({
      knowledge_id: collection,
      query: "Dify",
      retrieval_setting: { top_k: 0, score_threshold: 0 },
    });
    expect(r.body.error_msg).toContain("retrieval_setting.top_k");
  });
});

describe("docs/integrations.md, Connect Dify", () => {
  let served: Served;
  beforeAll(async () => {
    served = await serveNode(composeApps(stack.deps), stack.deps, 0);
  });
  afterAll(() => served.close());

  it("runs the curl snippet against a served Docstack and gets Dify's records", async () => {
    const doc = await readFile(new URL("../../docs/integrations.md", import.meta.url), "utf8");
    const section = doc.split(/^## /m).find((s) => s.startsWith("Connect Dify"));
    const snippet = /```sh\n([\s\S]*?)```/.exec(section ?? "")?.[1];
    expect(snippet).toContain("/retrieval");
    const { stdout } = await run("sh", ["-c", snippet ?? "false"], {
      env: {
        ...process.env,
        DOCSTACK_URL: served.url,
        DOCSTACK_API_KEY: keys.reader,
        COLLECTION_ID: collection,
      },
    });
    const answer = JSON.parse(stdout) as Answer;
    expect(answer.records[0]?.title).toBe("dify.txt");
    expect(answer.records[0]?.score).toBeGreaterThanOrEqual(0.5);
  });
});
