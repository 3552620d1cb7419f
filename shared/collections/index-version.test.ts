import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type EmbeddedStack, startEmbeddedStack, uploadForm } from "../../tests/support/embedded-stack.js";
import { sql } from "../db/sql.js";
import { getCollection } from "./collections.js";

let stack: EmbeddedStack;
beforeAll(async () => {
  stack = await startEmbeddedStack();
});
afterAll(() => stack.close());

/**
 * The database moves a collection's index_version (migration 009), whoever writes: these
 * writes go straight to SQL, past every use case, and the version still moves exactly when what
 * search reads changes.
 */
describe("index_version", () => {
  it("moves with every change search can see, and only then", async () => {
    const id = await stack.createCollection();
    const other = await stack.createCollection();
    const version = async (c = id) => BigInt((await getCollection(stack.deps.db, c)).index_version);
    const db = stack.deps.db;
    const up = await stack.json<{ document: { id: string } }>("/documents", {
      method: "POST",
      body: uploadForm(id, { name: "v.txt", bytes: "Versions move with the index." }),
    });
    const doc = up.body.document.id;
    const steps: [string, () => Promise<unknown>, boolean][] = [
      ["a pending upload (nothing searchable yet)", async () => {}, false],
      ["indexing writes its chunks", () => stack.indexAll(), true],
      [
        "a status-only change",
        () => db.query(sql`update documents set index_error = 'x' where id = ${doc}`),
        false,
      ],
      [
        "metadata changes (filters see it)",
        () => db.query(sql`update documents set metadata = '{"a":1}' where id = ${doc}`),
        true,
      ],
      [
        "the same metadata again",
        () => db.query(sql`update documents set metadata = '{"a":1}' where id = ${doc}`),
        false,
      ],
      [
        "a chunk's text changes",
        () => db.query(sql`update chunks set text = text || ' more' where document_id = ${doc}`),
        true,
      ],
      [
        "the document is hidden",
        () => db.query(sql`update documents set deleted_at = now() where id = ${doc}`),
        true,
      ],
      ["its row and chunks go", () => db.query(sql`delete from documents where id = ${doc}`), true],
      [
        "another embedding model",
        () => db.query(sql`update collections set embedding_model = 'other' where id = ${id}`),
        true,
      ],
    ];
    const otherBefore = await version(other);
    for (const [what, change, moves] of steps) {
      const before = await version();
      await change();
      expect((await version()) > before, what).toBe(moves);
    }
    expect(await version(other)).toBe(otherBefore);
  });
});
