import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "../../shared/db/sql.js";
import { type EmbeddedStack, startEmbeddedStack, uploadForm } from "../support/embedded-stack.js";
import { makeDocx, makePdf } from "../support/fixtures.js";
import { sharedFixture } from "../support/shared-fixtures.js";
import { rezip } from "../support/zip-builders.js";

/** Small caps, so ordinary files pass each one; every document here passes exactly one. */
let stack: EmbeddedStack;
beforeAll(async () => {
  stack = await startEmbeddedStack({
    EXTRACT_MAX_PAGES: "2",
    EXTRACT_MAX_CHARS: "20000",
    INDEX_MAX_CHUNKS: "5",
    EXTRACT_MAX_UNZIPPED_MB: "2",
  });
});
afterAll(() => stack.close());

interface Row {
  index_status: string;
  index_error: string | null;
  chunks: number;
}

async function indexOne(name: string, bytes: Uint8Array | string): Promise<Row & { vectors: number }> {
  const collection = await stack.createCollection();
  const up = await stack.json<{ document: { id: string } }>("/documents", {
    method: "POST",
    body: uploadForm(collection, { name, bytes }),
  });
  expect(up.status, JSON.stringify(up.body)).toBe(201);
  const id = up.body.document.id;
  await stack.indexAll();
  const [row] = await stack.deps.db.query<Row>(sql`
    select index_status, index_error, (select count(*)::int from chunks where document_id = ${id}) as chunks
    from documents where id = ${id}`);
  if (row === undefined) throw new Error("document row missing");
  const vectors = await stack.deps.vectors.countDocument({ id: collection, dimension: 512 }, id);
  return { ...row, vectors };
}

const sentence = (i: number) => `Sentence number ${i} says something about harbours and tides. `;

describe("caps on what one document may cost", () => {
  it("indexes documents within every cap", async () => {
    const row = await indexOne("two-pages.pdf", await makePdf([["Page one."], ["Page two."]]));
    expect(row).toMatchObject({ index_status: "indexed", index_error: null });
  });

  it.each([
    [
      "a PDF with more pages than EXTRACT_MAX_PAGES",
      "three-pages.pdf",
      () => makePdf([["One."], ["Two."], ["Three."]]),
      "the PDF has 3 pages; the limit is 2 (EXTRACT_MAX_PAGES)",
    ],
    [
      "text longer than EXTRACT_MAX_CHARS",
      "long.txt",
      async () => Array.from({ length: 400 }, (_, i) => sentence(i)).join(""),
      /^the extracted text has 2\d,\d{3} characters; the limit is 20,000 \(EXTRACT_MAX_CHARS\)$/,
    ],
    [
      "text that makes more chunks than INDEX_MAX_CHUNKS",
      "many-chunks.txt",
      async () => Array.from({ length: 120 }, (_, i) => sentence(i)).join("\n\n"),
      /^the document would make \d+ chunks; the limit is 5 \(INDEX_MAX_CHUNKS\)$/,
    ],
    [
      "a DOCX that expands past EXTRACT_MAX_UNZIPPED_MB",
      "expands.docx",
      async () =>
        rezip(await sharedFixture("docling-word_sample.docx"), {
          "word/document.xml": new TextEncoder().encode(`<x>${"tide ".repeat(600_000)}</x>`),
        }),
      /^the ZIP archive would expand to more than 2 MiB \(the limit\)/,
    ],
  ])("fails %s, with the reason and nothing indexed", async (_case, name, build, reason) => {
    const row = await indexOne(name, await build());
    expect(row.index_status).toBe("failed");
    if (typeof reason === "string") expect(row.index_error).toBe(reason);
    else expect(row.index_error).toMatch(reason);
    expect({ chunks: row.chunks, vectors: row.vectors }).toEqual({ chunks: 0, vectors: 0 });
  });

  it("a Word document within the ZIP limit indexes", async () => {
    const row = await indexOne("small.docx", await makeDocx(["A small letter about the harbour."]));
    expect(row).toMatchObject({ index_status: "indexed", chunks: 1 });
  });
});
