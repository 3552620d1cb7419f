import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  filledForm,
  mixedPdf,
  scannedPdf,
  tiffClaiming,
  twoPageTiff,
  typedSentence,
} from "../../../tests/support/ocr-documents.js";
import { publicFixture } from "../../../tests/support/public-fixtures.js";
import { wordAccuracy, words } from "../../../tests/support/word-accuracy.js";
import type { DocumentKind } from "../document-kind.js";
import { extractDocument } from "../extract-document.js";
import type { ExtractedDocument } from "../extracted-document.js";
import { nodeOcrEngine } from "./node/node-ocr-engine.js";
import { pdfjsAssets } from "./node/pdfjs-assets.js";
import { ocrLanguages } from "./ocr-languages.js";

const assets = pdfjsAssets();
const engine = nodeOcrEngine(assets);
const environment = (languages: string[] = ["eng"], maxPages = 50) => ({
  pdfjs: assets,
  ocr: { ...engine, settings: { languages, maxPages } },
});
const extract = (kind: DocumentKind, bytes: Uint8Array, languages?: string[]) =>
  extractDocument(kind, bytes, {}, environment(languages));
const textOf = (doc: ExtractedDocument) => doc.blocks.map((b) => b.text).join("\n\n");
const truth = (name: string) => new TextDecoder().decode(publicFixture(name));

describe("OCR of images, against the ground truth", () => {
  it("reads tesseract's phototest (TIFF), every block of page 1 and from OCR", async () => {
    const doc = await extract("tiff", publicFixture("tesseract-phototest.tif"));
    expect(doc.ocrPages).toEqual([1]);
    expect(doc.blocks.every((b) => b.page === 1 && b.source === "ocr")).toBe(true);
    const accuracy = wordAccuracy(textOf(doc), truth("tesseract-phototest.txt"));
    console.info(`word accuracy, tesseract-phototest.tif (eng): ${accuracy.toFixed(3)}`);
    expect(accuracy).toBeGreaterThan(0.95);
    expect(textOf(doc)).toContain("The quick brown dog jumped over the");
  });

  it("reads the six-language eurotext with the four shipped languages, and less well with English alone", async () => {
    const bytes = publicFixture("tesseract-eurotext.tif");
    const all = wordAccuracy(
      textOf(await extract("tiff", bytes, [...ocrLanguages])),
      truth("tesseract-eurotext.txt"),
    );
    const eng = wordAccuracy(textOf(await extract("tiff", bytes, ["eng"])), truth("tesseract-eurotext.txt"));
    console.info(
      `word accuracy, tesseract-eurotext.tif: eng+fra+deu+spa ${all.toFixed(3)}, eng ${eng.toFixed(3)}`,
    );
    expect(all).toBeGreaterThan(0.85);
    expect(all).toBeGreaterThan(eng);
  });

  it("reads a typewritten PNG and a two-column JPEG scan", async () => {
    const png = textOf(await extract("png", publicFixture("ocrmypdf-typewriter.png")));
    expect(words(png)).toEqual(expect.arrayContaining(["linzen", "liter", "water", "uien", "melk"]));
    const jpeg = textOf(await extract("jpeg", publicFixture("unstructured-double-column-A.jpg")));
    expect(jpeg).toContain("CIVIL SERVICE RULES");
    expect(words(jpeg)).toEqual(expect.arrayContaining(["competitive", "status", "vacancy"]));
  });

  it("reads each page of a multi-page TIFF as its own page", async () => {
    const doc = await extract("tiff", twoPageTiff(), ["eng", "deu"]);
    expect(doc.ocrPages).toEqual([1, 2]);
    const page = (n: number) =>
      doc.blocks
        .filter((b) => b.page === n)
        .map((b) => b.text)
        .join("\n");
    expect(page(1)).toContain("quick brown dog");
    expect(page(2)).toContain("braune Fuchs");
  });
});

describe("OCR's image bounds", () => {
  it("refuses an image larger than 80 megapixels before decoding it", async () => {
    await expect(extract("tiff", tiffClaiming(20_000, 20_000))).rejects.toThrow(
      "the image is 20000×20000 pixels; OCR reads images up to 80 megapixels",
    );
  });
});

describe("OCR of PDFs", () => {
  it("reads a scanned PDF page (docling's OCR test) and a French one in French", async () => {
    const docling = await extract("pdf", publicFixture("docling-ocr_test.pdf"));
    expect(docling.ocrPages).toEqual([1]);
    expect(textOf(docling)).toContain("Docling bundles PDF document conversion to");
    const french = await extract("pdf", publicFixture("ocrmypdf-francais.pdf"), ["fra"]);
    expect(french.ocrPages).toEqual([1]);
    expect(words(textOf(french))).toEqual(
      expect.arrayContaining(["bûches", "œuvre", "ambiguë", "intérieure"]),
    );
  });

  it("OCRs only the pages of a mixed PDF without a usable text layer, in page order", async () => {
    const doc = await extract("pdf", await mixedPdf());
    // Page 1 has typed text; 2 is a scan; 3 a scan under a text layer of private-use characters.
    expect(doc.ocrPages).toEqual([2, 3]);
    expect(doc.blocks[0]).toEqual({ text: typedSentence, page: 1 });
    for (const page of [2, 3]) {
      const text = doc.blocks
        .filter((b) => b.page === page)
        .map((b) => b.text)
        .join("\n");
      expect(text, `page ${page}`).toContain("CIVIL SERVICE RULES");
      expect(doc.blocks.filter((b) => b.page === page).every((b) => b.source === "ocr")).toBe(true);
    }
    expect(doc.blocks.map((b) => b.page)).toEqual(
      [...doc.blocks.map((b) => b.page)].sort((a, b) => (a ?? 0) - (b ?? 0)),
    );
    expect(textOf(doc)).not.toMatch(/\p{Co}/u);
  });

  it("fails a PDF with more pages to OCR than the cap, before reading any", async () => {
    await expect(extractDocument("pdf", await scannedPdf(3), {}, environment(["eng"], 2))).rejects.toThrow(
      "the PDF has 3 pages to OCR; OCR reads at most 2 pages of a document (OCR_MAX_PAGES)",
    );
  });

  it("says a scan needs OCR where there is none (Workers)", async () => {
    await expect(extractDocument("png", publicFixture("ocrmypdf-typewriter.png"))).rejects.toThrow(
      "the PNG image needs OCR, which this deployment does not run",
    );
    await expect(extractDocument("pdf", publicFixture("docling-ocr_test.pdf"))).rejects.toThrow(
      "PDF has no extractable text (scanned image?)",
    );
  });
});

describe("PDF text beyond the page text", () => {
  it("keeps the values of filled form fields, on their page, as form-field blocks", async () => {
    const doc = await extract("pdf", await filledForm());
    const fields = doc.blocks.filter((b) => b.source === "form-field");
    expect(fields).toEqual([
      { text: "applicant.name: Marguerite Quillfeather", page: 2, source: "form-field" },
      { text: "vessel.type: ketch", page: 2, source: "form-field" },
      { text: "insured: Yes", page: 2, source: "form-field" },
    ]);
    expect(doc.ocrPages).toBeUndefined();
  });

  it("keeps the filled fields of pdf.js's form example (text, lists, check boxes, radio group)", async () => {
    const doc = await extract("pdf", publicFixture("pdfjs-issue17492.pdf"));
    const fields = doc.blocks.filter((b) => b.source === "form-field").map((b) => b.text);
    expect(fields).toEqual(
      expect.arrayContaining(["firstName: Lucía", "lastName: Garzas", "databases: oracle, db2", "java: Yes"]),
    );
  });

  it("reads Japanese in a CID font that is not embedded, with pdf.js's CMaps", async () => {
    const doc = await extract("pdf", publicFixture("pdfminer-jo.pdf"));
    expect(textOf(doc)).toContain("わたくしといふ現象は");
    expect(doc.ocrPages).toBeUndefined();
  });

  it("refuses a PDF with a user password as password-protected", async () => {
    // pdfminer's AES-128 sample opens with user password "baz" (SOURCES.md): nobody gives it here.
    await expect(extract("pdf", publicFixture("pdfminer-aes-128.pdf"))).rejects.toThrow(
      "PDF is password-protected",
    );
  });
});

describe("the OCR languages", () => {
  it("are installed: each has its npm package with the LSTM model tesseract.js reads", () => {
    const manifest = JSON.parse(readFileSync(new URL("../../../package.json", import.meta.url), "utf8")) as {
      dependencies: Record<string, string>;
    };
    const packaged = Object.keys(manifest.dependencies)
      .filter((name) => name.startsWith("@tesseract.js-data/"))
      .map((name) => name.slice("@tesseract.js-data/".length));
    expect(packaged.sort()).toEqual([...ocrLanguages].sort());
  });
});
