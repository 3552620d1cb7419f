import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { DocstackRetriever, DocstackRetrieverError } from "@docstack/client/langchain";
import { Document } from "@langchain/core/documents";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { composeApps } from "../../functions/compose-apps.js";
import { createApiKey } from "../../shared/auth/api-keys.js";
import { type Served, serveNode } from "../../shared/http/serve-node.js";
import { type EmbeddedStack, startEmbeddedStack, uploadForm } from "../support/embedded-stack.js";
import { startCommand, stopCommands } from "../support/run-command.js";

/** The LangChain.js retriever (clients/typescript/src/langchain.ts) over HTTP against the embedded default. */
const root = resolve(import.meta.dirname, "../..");
const POLICY =
  "Planning objections must be filed within 21 days of the notice.\n\nLate objections are not considered.\n";
const question = "When must planning objections be filed?";

let stack: EmbeddedStack;
let served: Served;
let collection: string;
let documentId: string;
let readKey: string;
beforeAll(async () => {
  stack = await startEmbeddedStack();
  served = await serveNode(composeApps(stack.deps), stack.deps, 0);
  // Made while the install has no keys (anonymous), then a read key for the retriever.
  collection = await stack.createCollection();
  const up = await stack.json<{ document: { id: string } }>("/documents", {
    method: "POST",
    body: uploadForm(
      collection,
      { name: "policy.txt", bytes: POLICY, type: "text/plain" },
      { metadata: JSON.stringify({ department: "planning" }) },
    ),
  });
  documentId = up.body.document.id;
  await stack.indexAll();
  readKey = (await createApiKey(stack.deps.db, { name: "langchain-reader", scopes: ["read"] })).key;
});
afterAll(async () => {
  stopCommands();
  await served.close();
  await stack.close();
});

describe("DocstackRetriever (LangChain.js)", () => {
  it("returns the passage as a Document with its source in metadata", async () => {
    const retriever = new DocstackRetriever({
      baseUrl: served.url,
      apiKey: readKey,
      collectionId: collection,
      topK: 3,
    });
    const [first, ...rest] = await retriever.invoke(question);
    expect(first).toBeInstanceOf(Document);
    expect(first?.pageContent).toContain("21 days");
    expect(first?.id).toBe(`${documentId}:0`);
    expect(first?.metadata).toMatchObject({
      document_id: documentId,
      filename: "policy.txt",
      content_type: "text/plain",
      chunk_index: 0,
      location: expect.any(Object),
      score: expect.any(Number),
      ranks: expect.any(Object),
      query_id: expect.any(String),
    });
    expect(rest).toEqual([]);
  });

  it("applies the filter", async () => {
    const retriever = new DocstackRetriever({
      baseUrl: served.url,
      apiKey: readKey,
      collectionId: collection,
      filter: { metadata: { department: "parks" } },
    });
    expect(await retriever.invoke(question)).toEqual([]);
  });

  it.each([
    ["an unknown key", { apiKey: "dsk_not_a_key" }, 401, "unauthorized"],
    ["no key, now that keys exist", { apiKey: undefined }, 401, "unauthorized"],
    ["a collection that does not exist", { collectionId: crypto.randomUUID() }, 404, "not_found"],
  ])("%s throws DocstackRetrieverError with the problem", async (_name, fields, status, code) => {
    const retriever = new DocstackRetriever({
      baseUrl: served.url,
      apiKey: readKey,
      collectionId: collection,
      ...fields,
    });
    const error = await retriever.invoke(question).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DocstackRetrieverError);
    expect((error as DocstackRetrieverError).status).toBe(status);
    expect((error as DocstackRetrieverError).problem?.code).toBe(code);
  });

  it("keeps the key out of what LangChain serialises", () => {
    const retriever = new DocstackRetriever({
      baseUrl: served.url,
      apiKey: readKey,
      collectionId: collection,
    });
    expect(JSON.stringify(retriever.toJSON())).not.toContain(readKey);
  });

  it("docs/langchain-js.md's snippet runs as printed and prints the passage", async () => {
    const doc = await readFile(join(root, "docs/langchain-js.md"), "utf8");
    const snippet = /<!-- snippet: langchain-js -->\n```ts\n([\s\S]*?)```/.exec(doc)?.[1];
    expect(snippet).toBeTruthy();
    // Inside the repository, so `@docstack/client/langchain` resolves as in an application.
    await mkdir(join(root, "test-artifacts"), { recursive: true });
    const dir = await mkdtemp(join(root, "test-artifacts", "langchain-js-"));
    try {
      const file = join(dir, "snippet.ts");
      await writeFile(file, snippet ?? "");
      const done = await startCommand(file, [], {
        DOCSTACK_URL: served.url,
        DOCSTACK_API_KEY: readKey,
        DOCSTACK_COLLECTION: collection,
      }).exited;
      expect(done.stderr).toBe("");
      expect(done.code).toBe(0);
      expect(done.stdout).toMatch(/^policy\.txt [\d.]+ Planning objections must be filed within 21 days/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
