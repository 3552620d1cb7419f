import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "../../shared/db/sql.js";
import { type EmbeddedStack, startEmbeddedStack, uploadForm } from "../support/embedded-stack.js";
import { mixedPdf, scannedPdf, typedSentence } from "../support/ocr-documents.js";
import { publicFixture } from "../support/public-fixtures.js";

interface Passage {
  document_id: string;
  text: string;
  location: { page_start?: number; page_end?: number; char_start: number; char_end: number };
}
interface DocumentView {
  id: string;
  content_type: string;
  index_status: string;
  index_error: string | null;
  ocr_pages: number[] | null;
}

let stack: EmbeddedStack;
let capped: EmbeddedStack;
beforeAll(async () => {
  stack = await startEmbeddedStack();
  // At most 3 pages to OCR, and 1 s once OCR starts: no scan of 3 pages at 300 dpi is read that fast.
  capped = await startEmbeddedStack({ OCR_MAX_PAGES: "3", OCR_TIMEOUT_S: "1" });
});
afterAll(async () => {
  await stack?.close();
  await capped?.close();
});

async function collection(on: EmbeddedStack, body: Record<string, unknown> = {}) {
  const r = await on.json<{ id: string; ocr_languages: string[] }>("/collections", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ name: `ocr-${crypto.randomUUID()}`, ...body }),
  });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body;
}

async function indexed(on: EmbeddedStack, collectionId: string, name: string, bytes: Uint8Array) {
  const r = await on.json<{ document: { id: string } }>("/documents", {
    method: "POST",
    body: uploadForm(collectionId, { name, bytes }),
  });
  expect(r.status, name).toBe(201);
  await on.indexAll();
  const doc = await on.json<DocumentView>(`/documents/${r.body.document.id}`);
  return doc.body;
}

async function keyword(collectionId: string, query: string, documentId: string): Promise<Passage[]> {
  const r = await stack.json<{ results: Passage[] }>("/query", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      collection_id: collectionId,
      query,
      mode: "keyword",
      top_k: 10,
      filter: { document_id: documentId },
    }),
  });
  expect(r.status).toBe(200);
  return r.body.results;
}

describe("OCR through the embedded default", () => {
  it("indexes a scanned PDF: a keyword query finds its words, on page 1", async () => {
    const { id } = await collection(stack);
    const doc = await indexed(stack, id, "ocr_test.pdf", publicFixture("docling-ocr_test.pdf"));
    expect(doc).toMatchObject({ index_status: "indexed", index_error: null, ocr_pages: [1] });
    const [hit] = await keyword(id, "Docling bundles conversion", doc.id);
    expect(hit?.text).toContain("Docling bundles PDF document conversion");
    expect(hit?.location).toMatchObject({ page_start: 1, page_end: 1 });
  });

  it("OCRs only the image pages of a mixed PDF, and each passage has its page", async () => {
    const { id } = await collection(stack);
    const doc = await indexed(stack, id, "mixed.pdf", await mixedPdf());
    expect(doc).toMatchObject({ index_status: "indexed", ocr_pages: [2, 3] });
    const typed = await keyword(id, "harbour commission", doc.id);
    expect(typed[0]?.text).toContain(typedSentence);
    expect(typed[0]?.location).toMatchObject({ page_start: 1, page_end: 1 });
    const scanned = await keyword(id, "competitive status vacancy", doc.id);
    expect(scanned.length).toBeGreaterThan(0);
    for (const passage of scanned) expect([2, 3]).toContain(passage.location.page_start);
  });

  it("reads a PNG scan, page 1", async () => {
    const { id } = await collection(stack);
    const doc = await indexed(stack, id, "typewriter.png", publicFixture("ocrmypdf-typewriter.png"));
    expect(doc).toMatchObject({ index_status: "indexed", content_type: "image/png", ocr_pages: [1] });
    const [hit] = await keyword(id, "linzen", doc.id);
    expect(hit?.location).toMatchObject({ page_start: 1, page_end: 1 });
  });

  it("reads a French scan in a french collection (OCR in French by default), found by another inflection", async () => {
    const { id, ocr_languages } = await collection(stack, { language: "french" });
    expect(ocr_languages).toEqual(["fra"]);
    const doc = await indexed(stack, id, "francais.pdf", publicFixture("ocrmypdf-francais.pdf"));
    expect(doc).toMatchObject({ index_status: "indexed", ocr_pages: [1] });
    // "bûches" on the page; the French stemmer finds it from the singular.
    const [hit] = await keyword(id, "bûche", doc.id);
    expect(hit?.text).toContain("les bûches se");
    expect(hit?.location).toMatchObject({ page_start: 1 });
  });

  it("takes OCR languages of those installed, and refuses others with 422", async () => {
    expect((await collection(stack, { ocr_languages: ["deu", "ENG", "deu"] })).ocr_languages).toEqual([
      "deu",
      "eng",
    ]);
    expect((await collection(stack)).ocr_languages).toEqual(["eng"]);
    const r = await stack.json<{ errors: { path: string; message: string }[] }>("/collections", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ name: `ocr-${crypto.randomUUID()}`, ocr_languages: ["klingon"] }),
    });
    expect(r.status).toBe(422);
    expect(r.response.headers.get("content-type")).toContain("application/problem+json");
    expect(r.body.errors).toEqual([
      { path: "ocr_languages", message: "Expected some of: eng, fra, deu, spa" },
    ]);
  });

  it("fails a document with more pages to OCR than OCR_MAX_PAGES, nothing of it indexed", async () => {
    const { id } = await collection(capped);
    const doc = await indexed(capped, id, "four-scans.pdf", await scannedPdf(4));
    expect(doc).toMatchObject({
      index_status: "failed",
      index_error: "the PDF has 4 pages to OCR; OCR reads at most 3 pages of a document (OCR_MAX_PAGES)",
      ocr_pages: null,
    });
    await expectNoChunks(capped, doc.id);
  });

  it("fails a document whose OCR outlasts OCR_TIMEOUT_S, nothing of it indexed", async () => {
    const { id } = await collection(capped);
    const doc = await indexed(capped, id, "three-scans.pdf", await scannedPdf(3));
    expect(doc).toMatchObject({
      index_status: "failed",
      index_error: "OCR took longer than 1 s (OCR_TIMEOUT_S)",
    });
    await expectNoChunks(capped, doc.id);
    // The thread was ended; the next document gets a new one.
    const next = await indexed(capped, id, "note.txt", new TextEncoder().encode("still indexing"));
    expect(next.index_status).toBe("indexed");
  });
});

async function expectNoChunks(on: EmbeddedStack, documentId: string) {
  const [row] = await on.deps.db.query<{ n: number }>(
    sql`select count(*)::int as n from chunks where document_id = ${documentId}`,
  );
  expect(row?.n).toBe(0);
}
