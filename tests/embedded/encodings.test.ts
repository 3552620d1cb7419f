import iconv from "iconv-lite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type EmbeddedStack, startEmbeddedStack, uploadForm } from "../support/embedded-stack.js";
import { encodedSamples, sourceTexts } from "../support/encoding-samples.js";
import { publicFixture } from "../support/public-fixtures.js";

/**
 * Text files in the encodings public administrations actually produce, through HTTP on the
 * embedded default: each is accepted, indexed with its encoding recorded, and a query for a word
 * that only reads right when decoded right (accents, Cyrillic, Japanese) finds it.
 */
let stack: EmbeddedStack;
let collection: string;
beforeAll(async () => {
  stack = await startEmbeddedStack();
  collection = await stack.createCollection();
});
afterAll(() => stack.close());

interface Upload {
  name: string;
  filename: string;
  bytes: Uint8Array;
  encoding: string;
  query: string;
  /** What the passage found must contain. */
  expected: string;
}

const encode = (text: string, encoding: string) => new Uint8Array(iconv.encode(text, encoding));
const { russian } = sourceTexts();
// Over 8 KiB of comment before <html>, itself in the legacy encoding: the upload check reads
// only the first 8 KiB, and browsers look for <meta charset> in the first KiB only.
const preamble = `<!-- ${"сохранённая копия страницы, saved page preamble. ".repeat(200)} -->\n`;

const uploads: Upload[] = [
  // SubRip subtitles are plain text; .srt is not an accepted extension.
  ...encodedSamples().map((s) => ({
    ...s,
    filename: s.filename.replace(/\.srt$/, ".txt"),
    query: s.word,
    expected: s.word,
  })),
  {
    name: "HTML declaring windows-1252 in a meta http-equiv (fixture)",
    filename: "r2r-pg_essay_1.html",
    bytes: publicFixture("r2r-pg_essay_1.html"),
    encoding: "windows-1252",
    query: "happy as anything",
    expected: "say \u2014 not just because",
  },
  {
    name: "HTML in KOI8-R with <meta charset>",
    filename: "koi8.html",
    bytes: encode(
      `<html><head><meta charset="koi8-r"><title>Эйнштейн</title></head><body><p>${russian}</p></body></html>`,
      "koi8-r",
    ),
    encoding: "koi8-r",
    query: "математика",
    expected: "математика",
  },
  {
    name: "HTML in Windows-1251 with a long preamble before <html>",
    filename: "preamble.html",
    bytes: encode(
      `${preamble}<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1251"></head><body><p>${russian}</p></body></html>`,
      "windows-1251",
    ),
    encoding: "windows-1251",
    query: "гимназии",
    expected: "гимназии",
  },
  {
    name: "semicolon-separated CSV (fixture)",
    filename: "docling-csv-semicolon.csv",
    bytes: publicFixture("docling-csv-semicolon.csv"),
    encoding: "utf-8",
    query: "Bensonview",
    expected: "Olsen | Dominguez;Mcmillan and Donovan | Bensonview",
  },
  {
    name: "CSV with a row of empty fields and a title line above the header (fixture)",
    filename: "csvkit-Datagov_FY10_EDU_recp_by_State.csv",
    bytes: publicFixture("csvkit-Datagov_FY10_EDU_recp_by_State.csv"),
    encoding: "utf-8",
    query: "Alaska",
    expected: "ALASKA | AK | 1781",
  },
  {
    name: "tab-separated values with a title line (fixture)",
    filename: "unstructured-stanley-cups.tsv",
    bytes: publicFixture("unstructured-stanley-cups.tsv"),
    encoding: "utf-8",
    query: "Leafs",
    expected: "Maple Leafs | TOR | 13",
  },
  {
    name: "CSV with a title line in Windows-1252",
    filename: "budget.csv",
    bytes: encode(
      "Haushaltsplan 2024 – Übersicht\nPosten;Betrag;Bemerkung\nStraßenbau;1.200,50;gefördert\nBücherei;300,00;\n",
      "windows-1252",
    ),
    encoding: "windows-1252",
    query: "Straßenbau",
    expected: "Straßenbau | 1.200,50 | gefördert",
  },
];

describe.each(uploads)("$name", (upload) => {
  // A collection of its own: several samples share a text, and the query must find this one.
  let own: string;
  let id: string;
  beforeAll(async () => {
    own = await stack.createCollection();
    const { status, body } = await stack.json<{ document: { id: string } }>("/documents", {
      method: "POST",
      body: uploadForm(own, { name: upload.filename, bytes: upload.bytes }),
    });
    expect(status).toBe(201);
    id = body.document.id;
    await stack.indexAll();
  });

  it("is indexed with its encoding recorded", async () => {
    const { body } = await stack.json<{
      index_status: string;
      index_error: string | null;
      text_encoding: string;
    }>(`/documents/${id}`);
    expect(body).toMatchObject({
      index_status: "indexed",
      index_error: null,
      text_encoding: upload.encoding,
    });
  });

  it("is found by a keyword query, and the passage reads right", async () => {
    const { status, body } = await stack.json<{ results: { document_id: string; text: string }[] }>(
      "/query",
      {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ collection_id: own, query: upload.query, mode: "keyword" }),
      },
    );
    expect(status).toBe(200);
    expect(body.results.length).toBeGreaterThan(0);
    expect(body.results.every((r) => r.document_id === id)).toBe(true);
    expect(body.results.some((r) => r.text.includes(upload.expected))).toBe(true);
  });
});

describe("binary is still refused by content", () => {
  it.each([
    ["a JPEG named .txt", "scan.txt", () => publicFixture("unstructured-double-column-A.jpg")],
    ["a legacy .doc named .csv", "table.csv", () => publicFixture("docling-legacy_sample.doc")],
    [
      "bytes after a UTF-16 byte order mark that decode to no text",
      "notes.txt",
      () =>
        new Uint8Array([0xff, 0xfe, ...publicFixture("unstructured-double-column-A.jpg").subarray(0, 4096)]),
    ],
  ])("%s: 415", async (_name, filename, bytes) => {
    const response = await stack.request("/documents", {
      method: "POST",
      body: uploadForm(collection, { name: filename, bytes: bytes() }),
    });
    expect(response.status).toBe(415);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
  });

  it("records no encoding for a PDF", async () => {
    const { makePdf } = await import("../support/fixtures.js");
    const { body } = await stack.json<{ document: { id: string } }>("/documents", {
      method: "POST",
      body: uploadForm(collection, { name: "plain.pdf", bytes: await makePdf([["A page of text."]]) }),
    });
    await stack.indexAll();
    const { body: doc } = await stack.json<{ index_status: string; text_encoding: string | null }>(
      `/documents/${body.document.id}`,
    );
    expect(doc).toMatchObject({ index_status: "indexed", text_encoding: null });
  });
});
