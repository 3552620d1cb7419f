import { Uint8ArrayReader, Uint8ArrayWriter, ZipWriter } from "@zip.js/zip.js";
import { describe, expect, it } from "vitest";
import { sharedFixture } from "../../../tests/support/shared-fixtures.js";
import { declaredSize, rezip } from "../../../tests/support/zip-builders.js";
import { ExtractionError } from "../extraction-error.js";
import { concatBytes, utf8 } from "../test-fixtures.js";
import { checkZipExpansion, openZip } from "./open-zip.js";
import { zipLimits } from "./zip-limits.js";

const mib = 2 ** 20;
const defaults = zipLimits(256 * mib);

async function refusal(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ExtractionError);
  return (error as ExtractionError).message;
}

const realContainers = [
  "docling-word_sample.docx",
  "docling-word_tables.docx",
  "mammoth-footnotes.docx",
  "calamine-table-multiple.xlsx",
  "unstructured-2023-half-year-analyses-by-segment.xlsx",
  "docling-powerpoint_sample.pptx",
  "docling-text_document_01.odt",
  "docling-odf_table_with_title_01.ods",
];

describe("openZip on real Office and OpenDocument files", () => {
  it.each(realContainers)("%s opens, and its parts read back whole", async (name) => {
    const archive = await openZip(await sharedFixture(name), defaults);
    expect(archive.entries.length).toBeGreaterThan(3);
    for (const entry of archive.entries) {
      expect((await archive.read(entry.name)).length).toBe(entry.uncompressedSize);
    }
    await checkZipExpansion(await sharedFixture(name), defaults);
  });
});

describe("openZip on hostile archives", () => {
  it("refuses, before inflating anything, an archive that declares more than the total", async () => {
    const docx = await sharedFixture("docling-word_sample.docx");
    // 9 MiB of random-looking text: not a bomb by ratio, only too big for a 8 MiB limit.
    const big = utf8(
      Array.from({ length: 9 * 2 ** 16 }, (_, i) => `${(i * 2654435761) % 1e9}`.padEnd(16)).join(""),
    );
    const zip = await rezip(docx, { "word/document.xml": big });
    const message = await refusal(openZip(zip, zipLimits(8 * mib)));
    expect(message).toMatch(
      /^the ZIP archive would expand to more than 8 MiB \(the limit\); it declares 9 MiB/,
    );
  });

  it("refuses an entry compressed past the ratio bound (a zip bomb)", async () => {
    const docx = await sharedFixture("docling-word_sample.docx");
    const zip = await rezip(docx, { "word/document.xml": utf8(" ".repeat(20 * mib)) }, 9);
    const message = await refusal(openZip(zip, defaults));
    expect(message).toMatch(
      /^ZIP entry "word\/document.xml" is compressed \d+:1 \(20 MiB from 0 MiB\); more than 200:1/,
    );
  });

  it("stops inflating an entry that lies about its size, at the size it declares", async () => {
    const docx = await sharedFixture("docling-word_sample.docx");
    const honest = await rezip(docx, { "word/document.xml": utf8("a".repeat(8 * mib)) }, 9);
    const lying = declaredSize(honest, "word/document.xml", 1000);
    const archive = await openZip(lying, defaults);
    const message = await refusal(archive.read("word/document.xml"));
    expect(message).toBe(
      'ZIP entry "word/document.xml" inflates to more than the 1,000 bytes it declares (a damaged file or a zip bomb)',
    );
    expect(archive.inflatedBytes()).toBe(0);
    expect(await refusal(checkZipExpansion(lying, defaults))).toBe(message);
  });

  it("refuses data before the archive (another reader could see other entries)", async () => {
    const zip = await zipOf({ "a.txt": utf8("hello") });
    const message = await refusal(
      openZip(concatBytes([utf8("%PDF-1.7 junk before the zip"), zip]), defaults),
    );
    expect(message).toMatch(/^the ZIP archive cannot be read safely: it could be read in more than one way/);
  });

  it("refuses a file that is not a ZIP at all, and one cut short", async () => {
    expect(await refusal(openZip(utf8("not a zip"), defaults))).toMatch(/damaged or not a ZIP archive/);
    const docx = await sharedFixture("docling-word_sample.docx");
    expect(await refusal(openZip(docx.subarray(0, docx.length - 100), defaults))).toMatch(
      /cannot be read safely/,
    );
  });

  it("refuses more entries than the bound", async () => {
    const files = Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`f${i}.txt`, utf8("x")]));
    const message = await refusal(openZip(await zipOf(files), { ...defaults, maxEntries: 20 }));
    expect(message).toBe("the ZIP archive has more than 20 entries");
  });

  it("refuses encrypted entries as password-protected", async () => {
    const writer = new ZipWriter(new Uint8ArrayWriter(), { password: "secret" });
    await writer.add("word/document.xml", new Uint8ArrayReader(utf8("<x/>")));
    const message = await refusal(openZip(await writer.close(), defaults));
    expect(message).toBe("the file is password-protected (encrypted ZIP entries)");
  });
});

async function zipOf(files: Record<string, Uint8Array>): Promise<Uint8Array> {
  const writer = new ZipWriter(new Uint8ArrayWriter(), { dataDescriptor: false, zip64: false, level: 9 });
  for (const [name, data] of Object.entries(files)) await writer.add(name, new Uint8ArrayReader(data));
  return writer.close();
}
