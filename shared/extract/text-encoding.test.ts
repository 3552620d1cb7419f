import { deflateRawSync } from "node:zlib";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { encodedSamples, sourceTexts } from "../../tests/support/encoding-samples.js";
import { publicFixture } from "../../tests/support/public-fixtures.js";
import { decodeText } from "./decode-text.js";
import { ExtractionError } from "./extraction-error.js";
import { concatBytes, utf8 } from "./test-fixtures.js";
import { chooseEncoding } from "./text-encoding.js";

const encode = (text: string, encoding: string) => new Uint8Array(iconv.encode(text, encoding));
const russian = () => sourceTexts().russian;

describe("decodeText: one file per encoding", () => {
  it.each(encodedSamples().map((s) => [s.name, s] as const))("%s", (_name, sample) => {
    const decoded = decodeText(sample.bytes, { html: false });
    expect(decoded.encoding).toBe(sample.encoding);
    expect(decoded.text).toBe(sample.text);
    expect(decoded.text).toContain(sample.word);
  });
});

describe("chooseEncoding", () => {
  it("takes a byte order mark over everything, UTF-32LE's before UTF-16LE's", () => {
    const marked = (bom: number[], rest: Uint8Array) => concatBytes([new Uint8Array(bom), rest]);
    expect(chooseEncoding(marked([0xff, 0xfe, 0, 0], encode("hé", "utf-32le")), { html: false })).toEqual({
      encoding: "utf-32le",
      source: "bom",
      skip: 4,
    });
    expect(chooseEncoding(marked([0xff, 0xfe], encode("hé", "utf-16le")), { html: false })).toMatchObject({
      encoding: "utf-16le",
      skip: 2,
    });
    expect(
      chooseEncoding(marked([0, 0, 0xfe, 0xff], encode("hé", "utf-32be")), { html: false }),
    ).toMatchObject({ encoding: "utf-32be", skip: 4 });
  });

  it("detects UTF-16 and UTF-32 without a byte order mark, though they are full of NULs", () => {
    const text = "Rechnung für März: Überweisung bis zum Monatsende.\r\n".repeat(4);
    for (const encoding of ["utf-16le", "utf-16be", "utf-32le", "utf-32be"]) {
      const bytes = encode(text, encoding);
      expect(chooseEncoding(bytes, { html: false }), encoding).toMatchObject({
        encoding,
        source: "detected",
      });
      expect(decodeText(bytes, { html: false }).text).toBe(text);
    }
  });

  it("reads damaged UTF-8 (a stray Latin-1 byte among many good characters) as UTF-8", () => {
    const spanish = publicFixture("tika-langtest-es.txt");
    const damaged = concatBytes([
      spanish.subarray(0, 5000),
      new Uint8Array([0x20, 0xe9, 0x20]),
      spanish.subarray(5000),
    ]);
    expect(chooseEncoding(damaged, { html: false })).toMatchObject({ encoding: "utf-8", source: "utf-8" });
    expect(decodeText(damaged, { html: false }).text).toContain(" \ufffd ");
  });

  it("falls back to Windows-1252 when the evidence is too thin to tell", () => {
    expect(chooseEncoding(new Uint8Array([0x41, 0xe9, 0x42, 0x0a]), { html: false })).toMatchObject({
      encoding: "windows-1252",
      source: "fallback",
    });
    expect(decodeText(new Uint8Array([0x41, 0xe9, 0x42, 0x0a]), { html: false }).text).toBe("AéB\n");
  });

  it("looks past a long ASCII prologue for the bytes that tell encodings apart", () => {
    const prologue = utf8(`${"plain ascii line\n".repeat(80_000)}`); // 1.3 MB, over the sample size
    const bytes = concatBytes([prologue, encode(russian(), "windows-1251")]);
    expect(chooseEncoding(bytes, { html: false })).toMatchObject({ encoding: "windows-1251" });
  });

  it.each([
    ["random (compressed) bytes", () => deflateRawSync(publicFixture("tika-langtest-es.txt"))],
    ["a JPEG", () => publicFixture("unstructured-double-column-A.jpg")],
    ["a PDF's body", () => publicFixture("docling-multi_page.pdf").subarray(2000, 12000)],
    ["a legacy .doc", () => publicFixture("docling-legacy_sample.doc")],
  ])("finds no encoding for binary content: %s", (_name, bytes) => {
    expect(chooseEncoding(new Uint8Array(bytes()), { html: false })).toBeUndefined();
    expect(() => decodeText(new Uint8Array(bytes()), { html: false })).toThrow(ExtractionError);
  });
});

describe("chooseEncoding: HTML declarations", () => {
  const page = (head: string, body: string) =>
    `<!doctype html><html><head>${head}</head><body><p>${body}</p></body></html>`;

  it("honours a meta http-equiv Content-Type (the saved page fixture, real cp1252 bytes)", () => {
    const bytes = publicFixture("r2r-pg_essay_1.html");
    expect(chooseEncoding(bytes, { html: true })).toMatchObject({
      encoding: "windows-1252",
      source: "declared",
    });
    expect(decodeText(bytes, { html: true }).text).toContain("\u2014"); // 0x97, an em dash in cp1252
  });

  it("honours <meta charset> over detection, even for a charset detection would not pick", () => {
    // KOI8-U and KOI8-R differ in a few letters; the declaration decides.
    const bytes = encode(page('<meta charset="koi8-u">', russian()), "koi8-u");
    expect(chooseEncoding(bytes, { html: true })).toMatchObject({ encoding: "koi8-u", source: "declared" });
    expect(chooseEncoding(bytes, { html: false })).toMatchObject({ source: "detected" });
  });

  it("honours an XML declaration", () => {
    const bytes = encode(
      `<?xml version="1.0" encoding="ISO-8859-2"?>${page("", "Żółć gęślą jaźń")}`,
      "iso-8859-2",
    );
    expect(decodeText(bytes, { html: true })).toMatchObject({ encoding: "iso-8859-2" });
    expect(decodeText(bytes, { html: true }).text).toContain("Żółć gęślą jaźń");
  });

  it("finds the declaration after a long preamble (past 8 KiB, and past the 1 KiB browsers read)", () => {
    const preamble = `<!-- ${"saved page preamble — сохранённая копия ".repeat(300)} -->\n`;
    const bytes = encode(`${preamble}${page('<meta charset="windows-1251">', russian())}`, "windows-1251");
    expect(bytes.byteLength).toBeGreaterThan(10_000);
    expect(decodeText(bytes, { html: true })).toMatchObject({ encoding: "windows-1251" });
    expect(decodeText(bytes, { html: true }).text).toContain("гимназии");
  });

  it("reads UTF-8 bytes as UTF-8 whatever a legacy declaration says, and ignores a false UTF-8 one", () => {
    const converted = utf8(page('<meta charset="iso-8859-1">', "Café crème brûlée"));
    expect(decodeText(converted, { html: true })).toEqual({
      encoding: "utf-8",
      text: expect.stringContaining("Café crème brûlée"),
    });
    const mislabelled = encode(page('<meta charset="utf-8">', russian()), "windows-1251");
    expect(decodeText(mislabelled, { html: true })).toMatchObject({ encoding: "windows-1251" });
  });

  it("keeps a declared legacy encoding for a page that is pure ASCII", () => {
    expect(
      chooseEncoding(utf8(page('<meta charset="windows-1252">', "plain")), { html: true }),
    ).toMatchObject({
      encoding: "windows-1252",
      source: "declared",
    });
  });

  it("ignores a label no decoder knows", () => {
    const bytes = utf8(page('<meta charset="klingon">', "Grüße"));
    expect(chooseEncoding(bytes, { html: true })).toMatchObject({ encoding: "utf-8", source: "utf-8" });
  });
});
