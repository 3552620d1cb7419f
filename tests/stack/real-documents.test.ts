import iconv from "iconv-lite";
import { beforeAll, describe, expect, it } from "vitest";
import { uploadForm } from "../support/embedded-stack.js";
import { sourceTexts } from "../support/encoding-samples.js";
import { publicFixture } from "../support/public-fixtures.js";
import { api, json, waitFor } from "./stack-client.js";

/**
 * Real files through Nginx, the worker, PgBouncer, MinIO and Chroma: the location of a passage
 * survives the vector path (Chroma) as it does the keyword path (PostgreSQL), legacy encodings
 * are decoded by the worker, workbooks and scans (OCR) are read by it, and a collection's
 * language stems its chunks and queries.
 */
interface Passage {
  document_id: string;
  text: string;
  location: {
    page_start?: number;
    page_end?: number;
    sheet?: string;
    row_start?: number;
    row_end?: number;
    char_start: number;
  };
}

async function collection(language?: string): Promise<string> {
  const r = await api<{ id: string }>(
    "/collections",
    json("POST", { name: `real-${crypto.randomUUID()}`, ...(language && { language }) }),
  );
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body.id;
}

/** Nginx lets an address upload 1 a second after a burst of 5: setup waits that out. */
async function upload(collectionId: string, name: string, bytes: Uint8Array): Promise<string> {
  for (;;) {
    const r = await api<{ document: { id: string } }>("/documents", {
      method: "POST",
      body: uploadForm(collectionId, { name, bytes }),
    });
    if (r.status === 429) {
      await new Promise((resolve) => setTimeout(resolve, 1000 * Number(r.headers.get("retry-after") ?? 1)));
      continue;
    }
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    return r.body.document.id;
  }
}

async function indexed(collectionId: string, count: number): Promise<void> {
  await waitFor(
    `the worker to index ${count} documents`,
    async () => {
      const s = await api<{ counts: { indexed: number; failed: number } }>(
        `/index/status?collection_id=${collectionId}`,
      );
      if (s.body.counts.failed > 0) throw new Error(`indexing failed: ${JSON.stringify(s.body)}`);
      return s.body.counts.indexed === count ? true : undefined;
    },
    120_000,
  );
}

async function query(collectionId: string, text: string, mode: string): Promise<Passage[]> {
  const r = await api<{ results: Passage[] }>(
    "/query",
    json("POST", { collection_id: collectionId, query: text, mode, top_k: 5 }),
  );
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body.results;
}

const ids: Record<string, string> = {};
let plain: string;
let french: string;
const { russian } = sourceTexts();

beforeAll(async () => {
  plain = await collection();
  french = await collection("french");
  ids.pdf = await upload(plain, "multi_page.pdf", publicFixture("docling-multi_page.pdf"));
  ids.csv = await upload(plain, "semicolon.csv", publicFixture("docling-csv-semicolon.csv"));
  ids.xlsx = await upload(
    plain,
    "segments.xlsx",
    publicFixture("unstructured-2023-half-year-analyses-by-segment.xlsx"),
  );
  ids.scan = await upload(plain, "ocr_test.pdf", publicFixture("docling-ocr_test.pdf"));
  ids.koi8 = await upload(plain, "koi8.txt", new Uint8Array(iconv.encode(russian, "koi8-r")));
  ids.french = await upload(
    french,
    "ferme.txt",
    new TextEncoder().encode("Les chevaux de la ferme paissent dans le pré."),
  );
  await indexed(plain, 5);
  await indexed(french, 1);
}, 180_000);

describe("real documents on the stack", () => {
  it.each(["keyword", "vector", "hybrid"])("a PDF passage carries its page (%s)", async (mode) => {
    const results = await query(plain, "Word Processors in a Post-Digital Era", mode);
    const hit = results.find((p) => p.document_id === ids.pdf && p.text.includes("Post-Digital Era"));
    expect(hit, JSON.stringify(results)).toBeDefined();
    expect(hit?.location).toMatchObject({ page_start: 4, page_end: 4 });
  });

  it("a semicolon CSV is split into columns, and its rows are located", async () => {
    const [hit] = await query(plain, "Bensonview", "keyword");
    expect(hit?.document_id).toBe(ids.csv);
    expect(hit?.text).toContain("Olsen | Dominguez;Mcmillan and Donovan | Bensonview");
    expect(hit?.location.row_start).toBeGreaterThan(1);
  });

  it("an XLSX row is found on its sheet and rows, the worker reading the workbook", async () => {
    const hits = await query(plain, "Zone LATAM Nespresso", "keyword");
    const hit = hits.find((h) => h.document_id === ids.xlsx && h.text.includes("Zone LATAM | 6082 | 1202"));
    expect(hit, JSON.stringify(hits)).toBeDefined();
    expect(hit?.location.sheet).toBe("OS-Rev.and results 30 06 2023");
    expect(hit?.location.row_start).toBeLessThanOrEqual(12);
    expect(hit?.location.row_end).toBeGreaterThanOrEqual(12);
  });

  it("a scanned PDF is read by OCR in the worker and found on its page", async () => {
    const [hit] = await query(plain, "Docling bundles conversion", "keyword");
    expect(hit?.document_id).toBe(ids.scan);
    expect(hit?.text).toContain("Docling bundles PDF document conversion");
    expect(hit?.location).toMatchObject({ page_start: 1, page_end: 1 });
    const doc = await api<{ ocr_pages: number[] }>(`/documents/${ids.scan}`);
    expect(doc.body.ocr_pages).toEqual([1]);
  });

  it("a KOI8-R text is decoded by the worker, recorded, and its Cyrillic found", async () => {
    const [hit] = await query(plain, "математика", "keyword");
    expect(hit?.document_id).toBe(ids.koi8);
    const doc = await api<{ text_encoding: string }>(`/documents/${ids.koi8}`);
    expect(doc.body.text_encoding).toBe("koi8-r");
  });

  it("a french collection finds chevaux by cheval", async () => {
    const hits = await query(french, "cheval", "keyword");
    expect(hits.map((h) => h.document_id)).toEqual([ids.french]);
  });

  it("GET /documents/{id}/text answers through Nginx with the chunks' locations", async () => {
    const r = await api<{ chunk_count: number; chunks: { location: { page_start?: number } }[] }>(
      `/documents/${ids.pdf}/text`,
    );
    expect(r.status).toBe(200);
    expect(r.body.chunk_count).toBeGreaterThan(1);
    expect(r.body.chunks.map((c) => c.location.page_start)).toContain(4);
  });
});
