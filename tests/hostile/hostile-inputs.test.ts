import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { composeApps } from "../../functions/compose-apps.js";
import { checkZipExpansion } from "../../shared/extract/zip/open-zip.js";
import { zipLimits } from "../../shared/extract/zip/zip-limits.js";
import { type Served, serveNode } from "../../shared/http/serve-node.js";
import { type EmbeddedStack, startEmbeddedStack, uploadForm } from "../support/embedded-stack.js";
import { type HostileFile, hostileFiles } from "./hostile-files.js";
import { type HostileReport, indexHostile, reportTable } from "./measure-indexing.js";

/**
 * Issue 14's hostile inputs through the embedded stack with the default limits: each ends failed
 * with a clear reason (or indexed, where that is legitimate), the process's memory stays within
 * the stated bound, and /health and queries are answered over HTTP throughout. docs/limits.md
 * has the figures this prints.
 */
const rssBoundMiB = 1536;

let stack: EmbeddedStack;
let served: Served;
let queryCollection: string;
const reports: HostileReport[] = [];

beforeAll(async () => {
  stack = await startEmbeddedStack();
  served = await serveNode(composeApps(stack.deps), stack.deps, 0);
  queryCollection = await stack.createCollection();
  await stack.json("/documents", {
    method: "POST",
    body: uploadForm(queryCollection, { name: "tides.txt", bytes: "Harbour tides are logged every hour." }),
  });
  await stack.indexAll();
});

afterAll(async () => {
  console.log(
    `\nHostile inputs (defaults: EXTRACT_MEMORY_MB=512, EXTRACT_TIMEOUT_S=120):\n${reportTable(reports)}\n`,
  );
  await served?.close();
  await stack?.close();
});

async function run(caseName: string, file: HostileFile): Promise<HostileReport> {
  const report = await indexHostile(stack, served.url, queryCollection, caseName, file);
  reports.push(report);
  expect(report.peakRssGrowthMiB, JSON.stringify(report)).toBeLessThan(rssBoundMiB);
  expect(report.health.ok, "every /health answered 200").toBe(report.health.total);
  expect(report.queries.ok, "every query answered 200").toBe(report.queries.total);
  return report;
}

describe("hostile ZIP containers (DOCX)", () => {
  it("a zip bomb (1.1 GB of paragraphs) fails before anything is inflated", async () => {
    const report = await run("DOCX zip bomb, 1.1 GB inflated", await hostileFiles.docxZipBomb());
    expect(report.state).toBe("failed");
    expect(report.reason).toMatch(
      /^ZIP entry "word\/document.xml" is compressed \d+:1 \(1,0\d\d MiB from 1 MiB\); more than 200:1 is refused as a zip bomb$/,
    );
  });

  it("the same bomb declaring 1 MB fails as soon as it inflates past that", async () => {
    const report = await run("DOCX zip bomb declaring 1 MB", await hostileFiles.docxZipBombLying());
    expect(report.state).toBe("failed");
    expect(report.reason).toBe(
      'ZIP entry "word/document.xml" inflates to more than the 1,048,576 bytes it declares (a damaged file or a zip bomb)',
    );
  });

  it("billion laughs: entities are not expanded", async () => {
    const report = await run("DOCX billion laughs", await hostileFiles.docxBillionLaughs());
    expect(report.state).toBe("failed");
    expect(report.reason).toBe("DOCX is not a valid Word document");
  });

  it("an external entity naming a local file: nothing is read from disk", async () => {
    const secret = join(inject("hostileDir"), "secret.txt");
    await writeFile(secret, "MARKER-FROM-A-LOCAL-FILE");
    const report = await run("DOCX external entity (file://)", await hostileFiles.docxExternalEntity(secret));
    expect(report.state).toBe("failed");
    expect(report.reason).toBe("DOCX is not a valid Word document");
    expect(JSON.stringify(report)).not.toContain("MARKER");
  });
});

describe("hostile PDFs", () => {
  it("a stream bomb (1 GiB from one content stream) ends its thread at the memory limit", async () => {
    const report = await run("PDF stream bomb, 1 GiB inflated", await hostileFiles.pdfStreamBomb());
    expect(report.state).toBe("failed");
    expect(report.reason).toBe("extraction exceeded the memory limit of 512 MiB (EXTRACT_MEMORY_MB)");
  });

  it("20,000 empty pages fail on the page cap before any page is parsed", async () => {
    const report = await run("PDF of 20,000 empty pages", await hostileFiles.pdfEmptyPages());
    expect(report.state).toBe("failed");
    expect(report.reason).toBe("the PDF has 20,000 pages; the limit is 5,000 (EXTRACT_MAX_PAGES)");
  });

  it("a circular page tree", async () => {
    const report = await run("PDF with a circular page tree", await hostileFiles.pdfCircularPageTree());
    expect(report.state).toBe("failed");
    expect(report.reason).toBe("PDF could not be read (the file may be damaged)");
  });

  it("a truncated PDF", async () => {
    const report = await run("PDF truncated at half (real 4-page file)", await hostileFiles.pdfTruncated());
    expect(report).toMatchObject({ state: "failed", reason: "file is not a valid PDF" });
  });

  it("an executable named .pdf is refused at upload", async () => {
    const report = await run("ELF binary (/bin/true) named .pdf", await hostileFiles.elfNamedPdf());
    expect(report.uploadStatus).toBe(415);
    expect(report.uploadDetail).toBe("content looks like an executable program, not a PDF");
  });

  it("a PDF with a ZIP appended is read as the PDF it starts as", async () => {
    const report = await run("PDF/ZIP polyglot named .pdf", await hostileFiles.pdfZipPolyglot());
    expect(report).toMatchObject({ state: "indexed", chunks: 1 });
  });

  it("the same polyglot named .docx is refused at upload", async () => {
    const file = await hostileFiles.pdfZipPolyglot();
    const report = await run("PDF/ZIP polyglot named .docx", { ...file, name: "polyglot.docx" });
    expect(report.uploadStatus).toBe(415);
  });
});

describe("hostile text", () => {
  it("HTML nested 100,000 elements deep", async () => {
    const report = await run("HTML, 100,000 nested elements", await hostileFiles.htmlDeeplyNested());
    expect(report).toMatchObject({ state: "indexed", chunks: 1 });
  });

  it("50 MiB of HTML on a single line", async () => {
    const report = await run("HTML, 50 MiB on one line", await hostileFiles.htmlSingleLine());
    expect(report.state).toBe("failed");
  });

  it("a CSV with a million columns", async () => {
    const report = await run("CSV, 1,000,000 columns", await hostileFiles.csvMillionColumns());
    expect(report.state).toBe("failed");
  });

  it("a 90 MiB word without spaces fails on the character cap", async () => {
    const report = await run("TXT, one 90 MiB word", await hostileFiles.textOneWord());
    expect(report.state).toBe("failed");
    expect(report.reason).toBe(
      "the extracted text has 94,371,840 characters; the limit is 10,000,000 (EXTRACT_MAX_CHARS)",
    );
  });

  it("a 1 MiB word under the caps is indexed (word patterns stay linear in a word's length)", async () => {
    const report = await run("TXT, one 1 MiB word", await hostileFiles.textLongWord());
    expect(report.state, report.reason ?? "").toBe("indexed");
  });

  it("an empty file is refused at upload; a one-byte file is indexed", async () => {
    const empty = await run("empty file (.txt)", await hostileFiles.empty());
    expect(empty).toMatchObject({ uploadStatus: 400, uploadDetail: "The file is empty" });
    const one = await run("one-byte file (.txt)", await hostileFiles.oneByte());
    expect(one).toMatchObject({ state: "indexed", chunks: 1 });
  });
});

describe("spreadsheets and presentations with millions of empty cells or shapes", () => {
  const guard = zipLimits(256 * 2 ** 20);

  it.each([
    ["XLSX, 2,097,152 empty styled cells", () => hostileFiles.xlsxEmptyCells()],
    ["PPTX, 1,000,000 empty shapes", () => hostileFiles.pptxEmptyShapes()],
  ])("%s: the ZIP guard", async (caseName, build) => {
    const file = await build();
    const { readFile } = await import("node:fs/promises");
    const bytes = new Uint8Array(await readFile(file.path));
    const started = performance.now();
    const outcome = await checkZipExpansion(bytes, guard).then(
      () => "within the ZIP limits",
      (error: unknown) => (error instanceof Error ? error.message : String(error)),
    );
    console.log(
      `${caseName}: ${(bytes.length / 2 ** 20).toFixed(1)} MiB, ZIP guard: ${outcome} (${Math.round(performance.now() - started)} ms)`,
    );
    expect(outcome).toMatch(/within the ZIP limits|refused as a zip bomb|would expand to more than/);
  });

  it("XLSX with 2,097,152 empty styled cells fails on the cell cap", async () => {
    const report = await run("XLSX, 2,097,152 empty styled cells", await hostileFiles.xlsxEmptyCells());
    expect(report.state).toBe("failed");
    expect(report.reason).toBe("the workbook has more than 1,000,000 cells, the limit (EXTRACT_MAX_CELLS)");
  });

  it("PPTX with 1,000,000 empty shapes fails on the same cap", async () => {
    const report = await run("PPTX, 1,000,000 empty shapes", await hostileFiles.pptxEmptyShapes());
    expect(report.state).toBe("failed");
    expect(report.reason).toBe(
      "the presentation has more than 1,000,000 shapes and table cells, the limit (EXTRACT_MAX_CELLS)",
    );
  });

  it("an XLSX zip bomb (1.1 GB sheet) fails before anything is inflated", async () => {
    const report = await run("XLSX zip bomb, 1.1 GB inflated", await hostileFiles.xlsxZipBomb());
    expect(report.state).toBe("failed");
    expect(report.reason).toMatch(
      /^ZIP entry "xl\/worksheets\/sheet1.xml" is compressed \d+:1 \(1,0\d\d MiB from \d MiB\); more than 200:1 is refused as a zip bomb$/,
    );
  });
});
