import { deflateRawSync } from "node:zlib";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { encodedSamples } from "../../tests/support/encoding-samples.js";
import { publicFixture } from "../../tests/support/public-fixtures.js";
import { concatBytes, utf8 } from "./test-fixtures.js";
import { looksLikeText } from "./text-content.js";

const head = (bytes: Uint8Array) => bytes.subarray(0, 8 * 1024);

describe("looksLikeText", () => {
  it.each(encodedSamples().map((s) => [s.name, s.bytes] as const))("text: %s", (_name, bytes) => {
    expect(looksLikeText(head(bytes))).toBe(true);
  });

  it.each([
    ["the saved page (cp1252)", () => publicFixture("r2r-pg_essay_1.html")],
    ["a semicolon CSV", () => publicFixture("docling-csv-semicolon.csv")],
    [
      "UTF-16LE without a byte order mark",
      () => new Uint8Array(iconv.encode("Straße, Größe\r\n".repeat(20), "utf-16le")),
    ],
    [
      "a log with the odd ANSI colour",
      () =>
        utf8(`${"request served in 12 ms, 200 OK\n".repeat(4)}\u001b[31mERROR\u001b[0m timeout\n`.repeat(20)),
    ],
  ])("text: %s", (_name, bytes) => {
    expect(looksLikeText(head(bytes()))).toBe(true);
  });

  const compressed = new Uint8Array(deflateRawSync(publicFixture("tika-langtest-es.txt")));
  it.each([
    ["compressed bytes", () => compressed],
    [
      "compressed bytes after a UTF-16 byte order mark",
      () => concatBytes([new Uint8Array([0xff, 0xfe]), compressed]),
    ],
    [
      "compressed bytes after a UTF-8 byte order mark",
      () => concatBytes([new Uint8Array([0xef, 0xbb, 0xbf]), compressed]),
    ],
    [
      "compressed bytes after a UTF-32 byte order mark",
      () => concatBytes([new Uint8Array([0, 0, 0xfe, 0xff]), compressed]),
    ],
    ["a JPEG", () => publicFixture("unstructured-double-column-A.jpg")],
    ["an XLSX", () => publicFixture("calamine-table-multiple.xlsx")],
    ["a legacy .doc", () => publicFixture("docling-legacy_sample.doc")],
    ["text with a NUL", () => utf8("almost text\u0000 but not")],
    ["text with many controls", () => utf8("many\u0001control\u0002chars\u0003")],
  ])("binary: %s", (_name, bytes) => {
    expect(looksLikeText(head(bytes()))).toBe(false);
  });
});
