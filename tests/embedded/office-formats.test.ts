import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { contentTypeOf, type DocumentKind } from "../../shared/extract/document-kind.js";
import { type EmbeddedStack, startEmbeddedStack, uploadForm } from "../support/embedded-stack.js";
import { encryptOffice } from "../support/office-tools.js";
import { publicFixture } from "../support/public-fixtures.js";

interface Passage {
  document_id: string;
  text: string;
  location: Record<string, unknown>;
}
interface UploadedDocument {
  id: string;
  content_type: string;
  index_status: string;
  index_error: string | null;
}

let stack: EmbeddedStack;
let collection: string;
const ids: Partial<Record<DocumentKind, string>> = {};

const files: [kind: DocumentKind, name: string, fixture: string][] = [
  ["xlsx", "segments.xlsx", "unstructured-2023-half-year-analyses-by-segment.xlsx"],
  ["ods", "ducks.ods", "docling-odf_table_with_title_01.ods"],
  ["pptx", "sample.pptx", "docling-powerpoint_sample.pptx"],
  ["odt", "lorem.odt", "docling-text_document_01.odt"],
  ["rtf", "udhr.rtf", "unstructured-eng_spa_mult.rtf"],
  ["eml", "attachment.eml", "docling-eml_with_attachment.eml"],
];

async function upload(name: string, bytes: Uint8Array) {
  return stack.json<{ document: UploadedDocument; detail?: string }>("/documents", {
    method: "POST",
    body: uploadForm(collection, { name, bytes }),
  });
}

async function passage(kind: DocumentKind, query: string, words: string): Promise<Passage> {
  let found: Passage | undefined;
  for (const mode of ["keyword", "hybrid"]) {
    const r = await stack.json<{ results: Passage[] }>("/query", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        collection_id: collection,
        query,
        mode,
        top_k: 10,
        filter: { document_id: ids[kind] },
      }),
    });
    expect(r.status).toBe(200);
    const hit = r.body.results.find((p) => p.text.includes(words));
    expect(hit, `${mode}: ${words}`).toBeDefined();
    if (found !== undefined) expect(hit?.location).toEqual(found.location);
    found = hit;
  }
  return found as Passage;
}

beforeAll(async () => {
  stack = await startEmbeddedStack();
  collection = await stack.createCollection();
  for (const [kind, name, fixture] of files) {
    const r = await upload(name, publicFixture(fixture));
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body.document.content_type).toBe(contentTypeOf[kind]);
    ids[kind] = r.body.document.id;
  }
  await stack.indexAll();
});
afterAll(() => stack?.close());

describe("office formats, RTF and e-mail through upload, indexing and POST /query", () => {
  it("every upload is indexed", async () => {
    for (const [kind] of files) {
      const r = await stack.json<UploadedDocument>(`/documents/${ids[kind]}`);
      expect(r.body, kind).toMatchObject({ index_status: "indexed", index_error: null });
    }
  });

  it("XLSX: a row is found on its sheet and rows, under its header", async () => {
    const hit = await passage("xlsx", "Zone LATAM Nespresso", "Zone LATAM | 6082 | 1202");
    expect(hit.location).toMatchObject({ sheet: "OS-Rev.and results 30 06 2023" });
    const { row_start, row_end } = hit.location as { row_start: number; row_end: number };
    expect(row_start).toBeLessThanOrEqual(12);
    expect(row_end).toBeGreaterThanOrEqual(12);
    expect(hit.text.startsWith("In millions of CHF |")).toBe(true);
  });

  it("ODS: the ducks of 2021 on Sheet1, rows around 7", async () => {
    const hit = await passage("ods", "freshwater ducks 2021", "2021 | 150");
    expect(hit.location).toMatchObject({ sheet: "Sheet1" });
    expect(hit.location.row_start).toBeLessThanOrEqual(7);
    expect(hit.location.row_end).toBeGreaterThanOrEqual(7);
  });

  it("PPTX: the speaker notes of slide 2, under the slide's title", async () => {
    const hit = await passage("pptx", "notes second slide", "Some notes on the second slide.");
    expect(hit.location).toMatchObject({ page_start: 2, page_end: 2 });
    expect(hit.location.headings).toEqual(expect.arrayContaining(["Second slide title"]));
  });

  it("ODT: a paragraph under its headings", async () => {
    const hit = await passage("odt", "Contrary to popular belief", "Contrary to popular belief");
    // A chunk's path is what its blocks share: the outer heading at least.
    expect((hit.location.headings as string[] | undefined)?.[0]).toBe("heading level 1.0");
  });

  it("RTF: Spanish text with its accents", async () => {
    const hit = await passage("rtf", "dotados razón conciencia", "dotados como están de razón y conciencia");
    expect(hit.location).toMatchObject({ char_start: expect.any(Number) });
  });

  it("EML: the body under the subject, and the attachment's name", async () => {
    const hit = await passage("eml", "attachment test.txt", "Attachments: test.txt");
    expect(hit.location.headings).toEqual(["Email with Attachment"]);
  });
});

describe("refused with a reason the uploader can act on", () => {
  it("a legacy .doc is refused at upload with the format to save it as", async () => {
    const r = await upload("report.doc", publicFixture("docling-legacy_sample.doc"));
    expect(r.status).toBe(415);
    expect(r.body.detail).toMatch(/legacy Word 97-2003 document \(\.doc\).*save it as \.docx/);
  });

  it("a password-protected .xlsx is refused, not told to be saved as .docx", async () => {
    const r = await upload("budget.xlsx", encryptOffice(publicFixture("calamine-table-multiple.xlsx")));
    expect(r.status).toBe(415);
    expect(r.body.detail).toBe(
      "the file is password-protected (encrypted by Office); remove the password and upload it again",
    );
  });
});
