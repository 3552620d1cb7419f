import { mkdir, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "../../shared/db/sql.js";
import { purgeMarkedDocuments } from "../../shared/documents/delete-document.js";
import { type EmbeddedStack, startEmbeddedStack, uploadForm } from "../../tests/support/embedded-stack.js";

let stack: EmbeddedStack;
beforeAll(async () => {
  stack = await startEmbeddedStack({ MAX_JSON_BYTES: "2048" });
});
afterAll(() => stack.close());

async function indexedDocument(text: string) {
  const collection = await stack.createCollection();
  const up = await stack.json<{ document: { id: string } }>("/documents", {
    method: "POST",
    body: uploadForm(collection, { name: "f.txt", bytes: text }),
  });
  await stack.indexAll();
  const [row] = await stack.deps.db.query<{ object_name: string }>(
    sql`select object_name from documents where id = ${up.body.document.id}`,
  );
  return {
    collection,
    id: up.body.document.id,
    path: join(stack.dataDir, "objects", row?.object_name ?? ""),
  };
}

/** A real filesystem fault: a non-empty directory where the object file was cannot be removed as a file. */
async function breakObject(path: string) {
  await rm(path);
  await mkdir(join(path, "blocker"), { recursive: true });
  await writeFile(join(path, "blocker", "x"), "x");
}

describe("delete when the object store fails", () => {
  it("answers 503, keeps the document hidden and marked, and a retry finishes the job", async () => {
    const doc = await indexedDocument("A document whose object store will fail during delete.");
    await breakObject(doc.path);

    const failed = await stack.request(`/documents/${doc.id}`, { method: "DELETE" });
    expect(failed.status).toBe(503);
    expect(failed.headers.get("content-type")).toBe("application/problem+json");
    expect(failed.headers.get("retry-after")).toBeTruthy();
    expect((await stack.request(`/documents/${doc.id}`)).status).toBe(404);
    const [marked] = await stack.deps.db.query<{ deleted: boolean }>(
      sql`select deleted_at is not null as deleted from documents where id = ${doc.id}`,
    );
    expect(marked?.deleted).toBe(true);
    // Vectors went first: the hidden document can no longer be found by search either.
    expect(await stack.deps.vectors.countDocument({ id: doc.collection, dimension: 512 }, doc.id)).toBe(0);

    await rm(doc.path, { recursive: true });
    expect((await stack.request(`/documents/${doc.id}`, { method: "DELETE" })).status).toBe(204);
    expect(await stack.deps.db.query(sql`select 1 from documents where id = ${doc.id}`)).toHaveLength(0);
    expect(await stack.deps.db.query(sql`select 1 from chunks where document_id = ${doc.id}`)).toHaveLength(
      0,
    );
  });

  it("the worker's sweep finishes a marked document once the store is back", async () => {
    const doc = await indexedDocument("Another document, swept by the worker.");
    await breakObject(doc.path);
    expect((await stack.request(`/documents/${doc.id}`, { method: "DELETE" })).status).toBe(503);
    expect(await purgeMarkedDocuments(stack.deps, 0)).toBe(0);
    await rm(doc.path, { recursive: true });
    expect(await purgeMarkedDocuments(stack.deps, 0)).toBe(1);
    expect(await stack.deps.db.query(sql`select 1 from documents where id = ${doc.id}`)).toHaveLength(0);
  });
});

describe("body limit", () => {
  it("refuses a JSON body over MAX_JSON_BYTES with 413 problem+json", async () => {
    const before = await stack.counts();
    const res = await stack.request("/collections", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ name: "x", description: "y".repeat(4000) }),
    });
    expect(res.status).toBe(413);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    expect(((await res.json()) as { code: string }).code).toBe("payload_too_large");
    expect(await stack.counts()).toEqual(before);
  });
});
