import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type EmbeddedStack, startEmbeddedStack, uploadText } from "../../tests/support/embedded-stack.js";

let stack: EmbeddedStack;
beforeAll(async () => {
  stack = await startEmbeddedStack();
});
afterAll(() => stack.close());

interface Counted {
  id: string;
  counts: Record<"documents" | "chunks" | "bytes" | "pending" | "indexing" | "indexed" | "failed", number>;
}

describe("collection counts", () => {
  it("are zero on a new collection, and follow uploads, indexing and deletes", async () => {
    const id = await stack.createCollection();
    const created = await stack.json<Counted>(`/collections/${id}`);
    expect(created.body.counts).toEqual({
      documents: 0,
      chunks: 0,
      bytes: 0,
      pending: 0,
      indexing: 0,
      indexed: 0,
      failed: 0,
    });

    const first = await uploadText(stack, id, "one.txt", "The ferry leaves every forty minutes.");
    await uploadText(stack, id, "two.txt", "Bicycles travel free on the morning ferry.");
    const pending = await stack.json<Counted>(`/collections/${id}`);
    expect(pending.body.counts).toMatchObject({ documents: 2, pending: 2, indexed: 0, chunks: 0 });
    expect(pending.body.counts.bytes).toBe(
      Buffer.byteLength("The ferry leaves every forty minutes.") +
        Buffer.byteLength("Bicycles travel free on the morning ferry."),
    );

    await stack.indexAll();
    const indexed = await stack.json<Counted>(`/collections/${id}`);
    expect(indexed.body.counts).toMatchObject({ documents: 2, pending: 0, indexed: 2 });
    expect(indexed.body.counts.chunks).toBeGreaterThanOrEqual(2);

    expect((await stack.request(`/documents/${first}`, { method: "DELETE" })).status).toBe(204);
    const listed = await stack.json<{ items: Counted[] }>("/collections?limit=100");
    const after = listed.body.items.find((c) => c.id === id);
    expect(after?.counts).toMatchObject({ documents: 1, indexed: 1 });
  });

  it("are counted per collection in the list", async () => {
    const a = await stack.createCollection();
    const b = await stack.createCollection();
    await uploadText(stack, a, "a.txt", "Only in A.");
    const listed = await stack.json<{ items: Counted[] }>("/collections?limit=100");
    expect(listed.body.items.find((c) => c.id === a)?.counts.documents).toBe(1);
    expect(listed.body.items.find((c) => c.id === b)?.counts.documents).toBe(0);
  });
});
