import { deflateRawSync } from "node:zlib";
import { beforeAll, describe, expect, it } from "vitest";
import { decideType, sniff, type TypeDecision } from "./detect-type.js";
import { contentTypeOf } from "./document-kind.js";
import { buildDocx, buildPdf, buildZip, concatBytes, utf8 } from "./test-fixtures.js";

const headSize = 8 * 1024;
const head = (bytes: Uint8Array) => bytes.subarray(0, headSize);

let pdf: Uint8Array;
let docx: Uint8Array;
beforeAll(async () => {
  pdf = await buildPdf(["A real PDF."]);
  docx = await buildDocx(["A real Word document."]);
});

const png = new Uint8Array([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52,
]);
const elf = new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0x3e, 0]);
// Deflated text: as random as binary gets, with no signature to recognise.
const compressed = new Uint8Array(deflateRawSync(utf8("Minutes of the harbour board. ".repeat(2000))));
const afterUtf16Bom = (bytes: Uint8Array) => concatBytes([new Uint8Array([0xff, 0xfe]), bytes]);
// "é" is two bytes; cutting the head after its first byte leaves a truncated sequence at the end.
const truncatedAtHeadBoundary = () => head(utf8(`${"a".repeat(headSize - 1)}é and more text`));

type Case = [
  name: string,
  filename: string,
  contentType: string | undefined,
  content: () => Uint8Array,
  expected: Partial<TypeDecision>,
];

const ok = (kind: keyof typeof contentTypeOf) =>
  ({ ok: true, kind, contentType: contentTypeOf[kind] }) as const;
const mismatch = { ok: false, code: "mismatch" } as const;
const unsupported = { ok: false, code: "unsupported" } as const;

const cases: Case[] = [
  ["real pdf named .pdf", "report.pdf", "application/pdf", () => pdf, ok("pdf")],
  ["pdf with upper-case extension and no content type", "REPORT.PDF", undefined, () => pdf, ok("pdf")],
  ["PNG bytes named .pdf", "scan.pdf", "application/pdf", () => png, mismatch],
  ["ELF bytes named .txt", "notes.txt", "text/plain", () => elf, mismatch],
  ["PDF bytes named .txt", "notes.txt", "text/plain", () => pdf, mismatch],
  ["ZIP bytes named .csv", "data.csv", undefined, () => buildZip({ "a.txt": "x" }), mismatch],
  ["docx bytes named .docx", "letter.docx", undefined, () => docx, ok("docx")],
  ["docx bytes, any declared type", "letter.docx", "application/octet-stream", () => docx, ok("docx")],
  ["plain ZIP named .docx", "letter.docx", undefined, () => buildZip({ "readme.txt": "hi" }), mismatch],
  ["xlsx named .docx", "sheet.docx", undefined, () => buildZip({ "xl/workbook.xml": "<x/>" }), mismatch],
  ["PDF named .docx", "letter.docx", undefined, () => pdf, mismatch],
  ["text named .pdf", "fake.pdf", undefined, () => utf8("hello"), mismatch],
  ["executable", "setup.exe", undefined, () => elf, unsupported],
  ["PNG image, read by OCR", "photo.png", "image/png", () => png, ok("png")],
  ["PNG named .jpg", "photo.jpg", undefined, () => png, mismatch],
  ["GIF image", "photo.gif", "image/gif", () => utf8("GIF89a"), unsupported],
  ["no extension, octet-stream", "upload", "application/octet-stream", () => utf8("a,b"), unsupported],
  ["no extension, no content type", "upload", undefined, () => utf8("a,b"), unsupported],
  ["no extension, text/csv", "upload", "text/csv; charset=utf-8", () => utf8("a,b\n1,2"), ok("csv")],
  ["unknown extension falls back to content type", "data.dat", "text/markdown", () => utf8("# hi"), ok("md")],
  [".text", "a.text", undefined, () => utf8("hi"), ok("txt")],
  [".markdown", "a.Markdown", undefined, () => utf8("# hi"), ok("md")],
  [".htm fragment without tags", "page.htm", undefined, () => utf8("no tags here"), ok("html")],
  ["path in the filename", "C:\\Users\\me\\notes.md", undefined, () => utf8("# hi"), ok("md")],
  ["UTF-8 cut mid-character at the 8 KiB head", "big.txt", undefined, truncatedAtHeadBoundary, ok("txt")],
  [
    "UTF-16 text named .txt",
    "u16.txt",
    undefined,
    () => new Uint8Array([0xff, 0xfe, 0x68, 0, 0x69, 0]),
    ok("txt"),
  ],
  [
    "Windows-1252 text named .csv",
    "data.csv",
    undefined,
    () => new Uint8Array([0x41, 0xe9, 0x42, 0x0a]),
    ok("csv"),
  ],
  ["tab-separated values", "cups.tsv", undefined, () => utf8("Team\tCups\nBlues\t1\n"), ok("csv")],
  ["text/tab-separated-values", "upload", "text/tab-separated-values", () => utf8("a\tb"), ok("csv")],
  ["compressed bytes named .txt", "notes.txt", undefined, () => compressed, mismatch],
  [
    "binary after a UTF-16 byte order mark",
    "notes.txt",
    undefined,
    () => afterUtf16Bom(compressed),
    mismatch,
  ],
  ["empty file", "empty.txt", undefined, () => new Uint8Array(), mismatch],
];

describe("decideType", () => {
  it.each(cases)("%s", (_name, filename, contentType, content, expected) => {
    expect(decideType(filename, contentType, content())).toMatchObject(expected);
  });

  it("explains a mismatch in plain words without echoing file bytes", () => {
    expect(decideType("scan.pdf", undefined, png)).toEqual({
      ok: false,
      code: "mismatch",
      detail: "content looks like a PNG image, not a PDF",
    });
    expect(decideType("notes.txt", undefined, pdf)).toMatchObject({
      detail: "content looks like a PDF, not plain text",
    });
    expect(decideType("data.csv", undefined, compressed)).toMatchObject({
      detail: "content looks like binary data, not CSV",
    });
    expect(decideType("sheet.docx", undefined, buildZip({ "xl/workbook.xml": "<x/>" }))).toMatchObject({
      detail: "content looks like an Excel workbook (.xlsx), not a Word document (.docx)",
    });
  });

  it("names the accepted types when unsupported, quoting only safe user input", () => {
    const exe = decideType("setup.exe", undefined, elf);
    expect(exe).toMatchObject({ detail: expect.stringContaining('".exe" files are not supported') });
    expect(exe).toMatchObject({ detail: expect.stringContaining("PDF (.pdf), Word (.docx)") });
    const odd = decideType("x.<script>", "<b>/bad", elf);
    expect(odd).toMatchObject({ detail: expect.not.stringContaining("<") });
  });
});

describe("sniff", () => {
  it.each([
    ["pdf", "%PDF-1.7\n%\u00e2\u00e3\n1 0 obj"],
    ["pdf", "\ufeff  \r\n%PDF-1.4\n"],
    ["pdf", "junk from a mail gateway\n%PDF-1.5\n1 0 obj\n<< >>\nendobj"],
    ["text", "A note: PDF files start with %PDF-1.7 and then objects."],
    ["zip", "PK\u0003\u0004rest"],
    ["text", "plain ascii\twith tab\r\nand CRLF\fform feed"],
    ["text", "Ελληνικά 中文 😀"],
    ["text", ""],
    ["binary", "nul\u0000byte"],
    ["binary", "many\u0001control\u0002chars\u0003"],
  ])("%s: %j", (expected, text) => {
    expect(sniff(utf8(text))).toBe(expected);
  });

  it("accepts junk before %PDF- up to 1 KiB, not beyond", () => {
    const pdfAfter = (junk: number) => concatBytes([new Uint8Array(junk).fill(0xff), head(pdf)]);
    expect(sniff(pdfAfter(1000))).toBe("pdf");
    expect(sniff(pdfAfter(2000))).toBe("binary");
  });

  it("accepts a multibyte sequence truncated at the very end", () => {
    const emoji = utf8("ok 😀");
    expect(sniff(emoji.subarray(0, emoji.length - 1))).toBe("text");
  });
});
