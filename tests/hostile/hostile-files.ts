// The hostile inputs of issue 14, made at test time by real tools (pdf-lib, zip.js, zlib) or from
// the public fixtures beside the repository, written once per run under HOSTILE_DIR (os.tmpdir();
// hostile-setup.ts makes and removes it).
import { existsSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { inject } from "vitest";
import { makeDocx, makePdf } from "../support/fixtures.js";
import {
  deflatedRun,
  pdfOfEmptyPages,
  pdfStreamBomb,
  pdfWithCircularPageTree,
} from "../support/pdf-builders.js";
import { sharedFixture } from "../support/shared-fixtures.js";
import { declaredSize, rezip } from "../support/zip-builders.js";

const mib = 2 ** 20;
const encoder = new TextEncoder();

/** A file of a hostile case: where it is and what it is called when uploaded. */
export interface HostileFile {
  name: string;
  path: string;
  type?: string;
}

async function cached(file: string, build: () => Promise<Uint8Array | string>): Promise<string> {
  const path = join(inject("hostileDir"), file);
  if (!existsSync(path)) {
    const content = await build();
    await writeFile(path, typeof content === "string" ? encoder.encode(content) : content);
  }
  return path;
}

const wordNs = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const wordSample = () => sharedFixture("docling-word_sample.docx");

/** word/document.xml of 1.1 GB: paragraphs of one long word, deflated by zlib. */
async function docxBombBytes(): Promise<Uint8Array> {
  const paragraphs = encoder.encode(`<w:p><w:r><w:t>${"a".repeat(4000)}</w:t></w:r></w:p>`.repeat(256));
  const xml = await deflatedRun(1100 * 1000 * 1000, paragraphs, {
    raw: true,
    head: encoder.encode(`<?xml version="1.0"?><w:document ${wordNs}><w:body>`),
    tail: encoder.encode("</w:body></w:document>"),
  });
  return rezip(await wordSample(), { "word/document.xml": xml });
}

export const hostileFiles = {
  /** 1.1 GB of paragraphs in word/document.xml, honestly declared: a few MB on disk. */
  docxZipBomb: async (): Promise<HostileFile> => ({
    name: "bomb.docx",
    path: await cached("bomb.docx", docxBombBytes),
  }),
  /** The same bomb declaring 1 MB for its document part, as a forged archive would. */
  docxZipBombLying: async (): Promise<HostileFile> => ({
    name: "bomb-lying.docx",
    path: await cached("bomb-lying.docx", async () =>
      declaredSize(
        new Uint8Array(await readFile((await hostileFiles.docxZipBomb()).path)),
        "word/document.xml",
        mib,
      ),
    ),
  }),
  /** Nine levels of entities, each ten of the one below: 10^9 "lol"s if a parser expanded them. */
  docxBillionLaughs: async (): Promise<HostileFile> => {
    let entities = '<!ENTITY lol0 "lol">';
    for (let i = 1; i <= 9; i++) entities += `<!ENTITY lol${i} "${`&lol${i - 1};`.repeat(10)}">`;
    const xml = `<?xml version="1.0"?><!DOCTYPE w:document [${entities}]><w:document ${wordNs}><w:body><w:p><w:r><w:t>Laughs: &lol9;</w:t></w:r></w:p></w:body></w:document>`;
    return {
      name: "laughs.docx",
      path: await cached("laughs.docx", async () =>
        rezip(await wordSample(), { "word/document.xml": encoder.encode(xml) }),
      ),
    };
  },
  /** An external entity naming a local file (written here with a marker no parser may bring back). */
  docxExternalEntity: async (secretPath: string): Promise<HostileFile> => {
    const xml = `<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file://${secretPath}">]><w:document ${wordNs}><w:body><w:p><w:r><w:t>Secret: &xxe;</w:t></w:r></w:p></w:body></w:document>`;
    return {
      name: "xxe.docx",
      path: await cached("xxe.docx", async () =>
        rezip(await wordSample(), { "word/document.xml": encoder.encode(xml) }),
      ),
    };
  },
  /** One content stream that inflates to 1 GiB of whitespace (about 1 MB on disk). */
  pdfStreamBomb: async (): Promise<HostileFile> => ({
    name: "stream-bomb.pdf",
    path: await cached("stream-bomb.pdf", () => pdfStreamBomb(1024 * mib)),
  }),
  pdfEmptyPages: async (): Promise<HostileFile> => ({
    name: "empty-pages.pdf",
    path: await cached("empty-pages.pdf", () => pdfOfEmptyPages(20_000)),
  }),
  pdfCircularPageTree: async (): Promise<HostileFile> => ({
    name: "circular.pdf",
    path: await cached("circular.pdf", pdfWithCircularPageTree),
  }),
  /** A real four-page PDF cut off in the middle. */
  pdfTruncated: async (): Promise<HostileFile> => ({
    name: "truncated.pdf",
    path: await cached("truncated.pdf", async () => {
      const pdf = await sharedFixture("docling-normal_4pages.pdf");
      return pdf.subarray(0, Math.floor(pdf.length / 2));
    }),
  }),
  htmlDeeplyNested: async (): Promise<HostileFile> => ({
    name: "nested.html",
    path: await cached(
      "nested.html",
      async () => `${"<div>".repeat(100_000)}deep inside${"</div>".repeat(100_000)}`,
    ),
  }),
  /** 50 MiB of minified markup on one line, no line break anywhere. */
  htmlSingleLine: async (): Promise<HostileFile> => ({
    name: "one-line.html",
    path: await cached("one-line.html", async () => {
      const unit = '<div class="row"><span class="cell">harbour tide report</span></div>';
      return `<!doctype html><html><body>${unit.repeat(Math.ceil((50 * mib) / unit.length))}</body></html>`;
    }),
  }),
  csvMillionColumns: async (): Promise<HostileFile> => ({
    name: "wide.csv",
    path: await cached("wide.csv", async () => {
      const columns = 1_000_000;
      const header = Array.from({ length: columns }, (_, i) => `c${i}`).join(",");
      const row = Array.from({ length: columns }, (_, i) => String(i % 10)).join(",");
      return `${header}\n${row}\n`;
    }),
  }),
  /** 90 MiB of one "word": no space, no line break. */
  textOneWord: async (): Promise<HostileFile> => ({
    name: "word.txt",
    path: await cached("word.txt", async () => "a".repeat(90 * mib)),
  }),
  /** One 1 MiB "word" (a base64 blob, a long URL list): under the caps, so it is text to index. */
  textLongWord: async (): Promise<HostileFile> => ({
    name: "blob.txt",
    path: await cached("blob.txt", async () => "b".repeat(mib)),
  }),
  /** /bin/true, uploaded as a PDF. */
  elfNamedPdf: async (): Promise<HostileFile> => ({
    name: "report.pdf",
    path: await cached("elf.pdf", async () => new Uint8Array(await readFile("/bin/true"))),
  }),
  /** A real PDF with a real Word document appended: both a PDF and a ZIP. */
  pdfZipPolyglot: async (): Promise<HostileFile> => ({
    name: "polyglot.pdf",
    path: await cached("polyglot.pdf", async () => {
      const pdf = await makePdf([["The polyglot's PDF side talks about harbours."]]);
      const docx = await makeDocx(["The polyglot's ZIP side."]);
      const both = new Uint8Array(pdf.length + docx.length);
      both.set(pdf);
      both.set(docx, pdf.length);
      return both;
    }),
  }),
  empty: async (): Promise<HostileFile> => ({
    name: "empty.txt",
    path: await cached("empty.txt", async () => ""),
  }),
  oneByte: async (): Promise<HostileFile> => ({
    name: "one.txt",
    path: await cached("one.txt", async () => "a"),
  }),
  /** A real workbook whose first sheet is formatted down to row 1,048,576: two styled empty cells a row. */
  xlsxEmptyCells: async (): Promise<HostileFile> => ({
    name: "empty-cells.xlsx",
    path: await cached("empty-cells.xlsx", async () => {
      const base = await sharedFixture("calamine-table-multiple.xlsx");
      const rows = sheetRows(1_048_576);
      return rezip(base, { "xl/worksheets/sheet1.xml": rows }, 6);
    }),
  }),
  /** A real workbook whose first sheet inflates to 1.1 GB of rows, honestly declared: a few MB on disk. */
  xlsxZipBomb: async (): Promise<HostileFile> => ({
    name: "bomb.xlsx",
    path: await cached("bomb.xlsx", async () => {
      const rows = encoder.encode(
        `<row><c t="inlineStr"><is><t>${"a".repeat(4000)}</t></is></c></row>`.repeat(256),
      );
      const sheet = await deflatedRun(1100 * 1000 * 1000, rows, {
        raw: true,
        head: encoder.encode(
          '<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>',
        ),
        tail: encoder.encode("</sheetData></worksheet>"),
      });
      return rezip(await sharedFixture("calamine-table-multiple.xlsx"), {
        "xl/worksheets/sheet1.xml": sheet,
      });
    }),
  }),
  /** A real presentation whose first slide holds a million empty shapes. */
  pptxEmptyShapes: async (): Promise<HostileFile> => ({
    name: "empty-shapes.pptx",
    path: await cached("empty-shapes.pptx", async () => {
      const base = await sharedFixture("docling-powerpoint_sample.pptx");
      return rezip(base, { "ppt/slides/slide1.xml": slideShapes(1_000_000) }, 6);
    }),
  }),
};

function sheetRows(rows: number): ReadableStream<Uint8Array> {
  return repeatedXml(
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>',
    rows,
    (row) => `<row r="${row}"><c r="A${row}" s="1"/><c r="B${row}" s="1"/></row>`,
    "</sheetData></worksheet>",
  );
}

function slideShapes(shapes: number): ReadableStream<Uint8Array> {
  const ns =
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main"';
  return repeatedXml(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><p:sld ${ns}><p:cSld><p:spTree><p:nvGrpSpPr><p:cNvPr id="1" name=""/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr><p:grpSpPr/>`,
    shapes,
    (shape) =>
      `<p:sp><p:nvSpPr><p:cNvPr id="${shape + 1}" name="Shape ${shape}"/><p:cNvSpPr/><p:nvPr/></p:nvSpPr><p:spPr/><p:txBody><a:bodyPr/><a:p/></p:txBody></p:sp>`,
    "</p:spTree></p:cSld></p:sld>",
  );
}

/** An XML part of `count` elements (numbered from 1) between a head and a tail, made as it is read. */
function repeatedXml(
  head: string,
  count: number,
  element: (n: number) => string,
  tail: string,
): ReadableStream<Uint8Array> {
  let n = 0;
  let started = false;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode(head));
        return;
      }
      if (n >= count) {
        controller.enqueue(encoder.encode(tail));
        controller.close();
        return;
      }
      const parts: string[] = [];
      for (let i = 0; i < 10_000 && n < count; i++) parts.push(element(++n));
      controller.enqueue(encoder.encode(parts.join("")));
    },
  });
}
