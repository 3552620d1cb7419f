import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "../../shared/db/sql.js";
import { type EmbeddedStack, startEmbeddedStack, uploadForm } from "../support/embedded-stack.js";
import { publicFixture } from "../support/public-fixtures.js";

interface Location {
  page_start?: number;
  page_end?: number;
  row_start?: number;
  row_end?: number;
  headings?: string[];
  char_start?: number;
  char_end?: number;
}
interface Passage {
  document_id: string;
  chunk_index: number;
  text: string;
  location: Location;
  score: number;
  ranks: { keyword: number | null; vector: number | null };
}
interface TextPage {
  chunk_count: number;
  text_length: number | null;
  text: { char_start: number; char_end: number; text: string } | null;
  chunks: { chunk_index: number; text: string; location: Location }[];
}

const modes = ["keyword", "vector", "hybrid"] as const;
let stack: EmbeddedStack;
let plain: string;
let small: string;
const ids: Record<string, string> = {};

/**
 * The essay is saved as windows-1252, which uploads refuse until encodings are detected: this
 * test reads it as a browser would and sends it as UTF-8, its declaration changed to match.
 */
function essayAsUtf8(): Uint8Array {
  const html = new TextDecoder("windows-1252").decode(publicFixture("r2r-pg_essay_1.html"));
  return new TextEncoder().encode(html.replace("charset=windows-1252", "charset=utf-8"));
}

async function createCollection(
  chunking?: Record<string, { size: number; overlap: number }>,
): Promise<string> {
  const r = await stack.json<{ id: string }>("/collections", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ name: `loc-${crypto.randomUUID()}`, chunking }),
  });
  expect(r.status).toBe(201);
  return r.body.id;
}

async function upload(collection: string, name: string, bytes: Uint8Array): Promise<string> {
  const r = await stack.json<{ document: { id: string } }>("/documents", {
    method: "POST",
    body: uploadForm(collection, { name, bytes }),
  });
  expect(r.status, name).toBe(201);
  return r.body.document.id;
}

async function query(collection: string, text: string, mode: string, documentId: string): Promise<Passage[]> {
  const r = await stack.json<{ results: Passage[] }>("/query", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      collection_id: collection,
      query: text,
      mode,
      top_k: 10,
      filter: { document_id: documentId },
    }),
  });
  expect(r.status).toBe(200);
  return r.body.results;
}

/** The passage holding `words` (whitespace as extracted may differ), in every mode. */
async function passageWith(collection: string, documentId: string, q: string, words: string) {
  const found: Record<string, Passage | undefined> = {};
  for (const mode of modes) {
    const results = await query(collection, q, mode, documentId);
    found[mode] = results.find((p) => p.text.replace(/\s+/g, " ").includes(words));
    expect(found[mode], `${mode}: ${words}`).toBeDefined();
  }
  // The same chunk, so the same location, whichever way it was found.
  expect(found.vector).toEqual({ ...found.keyword, score: found.vector?.score, ranks: found.vector?.ranks });
  expect(found.hybrid?.location).toEqual(found.keyword?.location);
  return found.keyword as Passage;
}

async function wholeText(documentId: string): Promise<TextPage & { pages: TextPage[]; full: string }> {
  const pages: TextPage[] = [];
  for (let offset = 0; ; offset += 3) {
    const r = await stack.json<TextPage>(`/documents/${documentId}/text?offset=${offset}&limit=3`);
    expect(r.status).toBe(200);
    pages.push(r.body);
    if (offset + 3 >= r.body.chunk_count) break;
  }
  const first = pages[0] as TextPage;
  return {
    ...first,
    chunks: pages.flatMap((p) => p.chunks),
    pages,
    full: pages.map((p) => p.text?.text ?? "").join(""),
  };
}

const codePoints = (text: string, from = 0, to?: number) => Array.from(text).slice(from, to).join("");

beforeAll(async () => {
  stack = await startEmbeddedStack();
  plain = await createCollection();
  // Small chunks, so that chunks start inside the sections of these short documents.
  small = await createCollection({ docx: { size: 60, overlap: 0 }, md: { size: 300, overlap: 0 } });
  ids.pdf = await upload(plain, "multi_page.pdf", publicFixture("docling-multi_page.pdf"));
  ids.tables = await upload(plain, "word_tables.docx", publicFixture("docling-word_tables.docx"));
  ids.csv = await upload(
    plain,
    "va-education.csv",
    publicFixture("csvkit-Datagov_FY10_EDU_recp_by_State.csv"),
  );
  ids.html = await upload(plain, "own.html", essayAsUtf8());
  ids.headers = await upload(
    small,
    "unit_test_headers.docx",
    publicFixture("docling-unit_test_headers.docx"),
  );
  ids.md = await upload(small, "introduction.md", publicFixture("ocrmypdf-introduction.md"));
  await stack.indexAll();
});
afterAll(() => stack.close());

describe("location of every passage, through POST /query", () => {
  it("PDF: the page a sentence is on (docling multi_page.pdf)", async () => {
    const sholes = await passageWith(
      plain,
      ids.pdf ?? "",
      "typewriter Christopher Latham Sholes",
      "Patented in 1868",
    );
    expect(sholes.location).toMatchObject({ page_start: 1, page_end: 1 });
    const postDigital = await passageWith(
      plain,
      ids.pdf ?? "",
      "post-digital era",
      "Word Processors in a Post-Digital Era",
    );
    expect(postDigital.location).toMatchObject({ page_start: 4, page_end: 4 });
    // No outline, no sheet, no rows: absent, not invented.
    expect(Object.keys(postDigital.location).sort()).toEqual([
      "char_end",
      "char_start",
      "page_end",
      "page_start",
    ]);
  });

  it("DOCX: the section path where the passage starts (docling unit_test_headers.docx)", async () => {
    const p = await passageWith(small, ids.headers ?? "", "Paragraph 2.1.1.1", "Paragraph 2.1.1.1");
    expect(p.location.headings).toEqual(["Section 2", "Section 2.1.1"]);
    const deep = await passageWith(small, ids.headers ?? "", "Paragraph 1.2.3.1", "Paragraph 1.2.3.1");
    expect(deep.location.headings).toEqual(["Section 1", "Section 1.2", "Section 1.2.3"]);
  });

  it("DOCX: table rows under their header (docling word_tables.docx)", async () => {
    const p = await passageWith(
      plain,
      ids.tables ?? "",
      "Merged Cell 3.1 4.1",
      "Cell 4.0 | Merged Cell 3.1 4.1 | Cell 4.2",
    );
    expect(p.text.split("\n")[0]).toBe("Header 0.0 | Header 0.1 | Header 0.2");
    expect(p.location.headings).toEqual(["Test with tables"]);
  });

  it("CSV: the rows a passage holds, with the header line in front (csvkit Datagov FY10)", async () => {
    const p = await passageWith(plain, ids.csv ?? "", "WYOMING", "WYOMING | WY | 464");
    const { row_start = 0, row_end = 0 } = p.location;
    expect(row_start).toBeGreaterThan(3);
    expect(row_start).toBeLessThanOrEqual(54);
    expect(row_end).toBeGreaterThanOrEqual(54);
    // Later chunks of a table start with its header line (not the title line above it).
    expect(p.text.split("\n")[0]).toMatch(/^State Name \| State Abbreviate \| Post-9\/11GI Bill Program/);
    expect(p.chunk_index).toBeGreaterThan(0);
  });

  it("HTML: only the span, as the page has no headings (R2R pg_essay_1.html)", async () => {
    const p = await passageWith(
      plain,
      ids.html ?? "",
      "skating in this sense",
      "people who were skating in this sense?",
    );
    expect(Object.keys(p.location).sort()).toEqual(["char_end", "char_start"]);
  });

  it("Markdown: the heading path (OCRmyPDF introduction.md)", async () => {
    const p = await passageWith(
      small,
      ids.md ?? "",
      "recognizing handwriting",
      "It is incapable of recognizing handwriting.",
    );
    expect(p.location.headings).toEqual(["Introduction", "Limitations"]);
  });

  it("a cached answer carries the same locations", async () => {
    const first = await query(plain, "typewriter Sholes", "hybrid", ids.pdf ?? "");
    const again = await query(plain, "typewriter Sholes", "hybrid", ids.pdf ?? "");
    expect(again).toEqual(first);
    expect(first[0]?.location.page_start).toBe(1);
  });
});

describe("GET /documents/{id}/text", () => {
  it.each([
    "pdf",
    "csv",
    "tables",
    "md",
  ])("pages tile the extracted text and each span is its chunk (%s)", async (key) => {
    const text = await wholeText(ids[key] ?? "");
    expect(text.text_length).toBe(Array.from(text.full).length);
    expect(text.chunks.map((c) => c.chunk_index)).toEqual([...Array(text.chunk_count).keys()]);
    let at = 0;
    for (const page of text.pages) {
      expect(page.text?.char_start).toBe(at);
      at = page.text?.char_end ?? -1;
    }
    expect(at).toBe(text.text_length);
    for (const chunk of text.chunks) {
      const span = codePoints(text.full, chunk.location.char_start, chunk.location.char_end);
      // A chunk of table rows may start with its repeated header line, outside its span.
      expect(chunk.text === span || chunk.text.endsWith(`\n${span}`), `chunk ${chunk.chunk_index}`).toBe(
        true,
      );
    }
  });

  it("answers a document not yet indexed with no chunks, and an unknown one with 404", async () => {
    const pending = await upload(plain, "later.txt", new TextEncoder().encode("Not indexed yet."));
    const r = await stack.json<TextPage & { index_status: string }>(`/documents/${pending}/text`);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      index_status: "pending",
      chunk_count: 0,
      text_length: null,
      text: null,
      chunks: [],
    });
    const missing = await stack.json(`/documents/${crypto.randomUUID()}/text`);
    expect(missing.status).toBe(404);
    expect(missing.response.headers.get("content-type")).toContain("application/problem+json");
    const bad = await stack.json(`/documents/${pending}/text?limit=0`);
    expect(bad.status).toBe(422);
    await stack.indexAll();
  });

  it("shows chunks indexed before locations were kept as such, and a re-index gives them theirs", async () => {
    const id = await upload(
      plain,
      "ferry.txt",
      new TextEncoder().encode("The harbour ferry leaves every forty minutes."),
    );
    await stack.indexAll();
    // What migration 011 leaves for chunks indexed before it.
    await stack.deps.db.query(sql`update chunks set location = '{}' where document_id = ${id}`);
    await stack.deps.db.query(sql`delete from document_texts where document_id = ${id}`);
    const [before] = await query(plain, "harbour ferry", "keyword", id);
    expect(before?.location).toEqual({});
    const text = await stack.json<TextPage>(`/documents/${id}/text`);
    expect(text.body).toMatchObject({ chunk_count: 1, text_length: null, text: null });
    expect(text.body.chunks[0]?.location).toEqual({});

    expect((await stack.request(`/documents/${id}/reindex`, { method: "POST" })).status).toBe(202);
    await stack.indexAll();
    const [after] = await query(plain, "harbour ferry", "vector", id);
    expect(after?.location).toEqual({ char_start: 0, char_end: 45 });
  });
});
