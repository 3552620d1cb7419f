/**
 * `npm run bench -- extraction`: what extracting each accepted public fixture costs, per format,
 * through the production path (the worker-thread pool with its limits) and in process. The
 * baseline, measured in the same runs, is the document's own extracted text read back as a
 * UTF-8 .txt file: the ratio is what the format costs over plain text of the same content.
 * Files the upload check refuses (legacy formats, unsupported types) are listed, not measured.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { loadConfigFromProcess } from "../shared/config.js";
import { decideType } from "../shared/extract/detect-type.js";
import type { DocumentKind } from "../shared/extract/document-kind.js";
import { allFormats } from "../shared/extract/formats/all-formats.js";
import { nodeOcrEngine } from "../shared/extract/ocr/node/node-ocr-engine.js";
import { pdfjsAssets } from "../shared/extract/ocr/node/pdfjs-assets.js";
import type { ExtractEnvironment } from "../shared/extract/ocr/ocr-engine.js";
import { extractWithinLimits } from "../shared/extract/sandbox/extract-within-limits.js";
import { extractionLimits } from "../shared/extract/sandbox/extraction-limits.js";
import { workerPoolExtractor } from "../shared/extract/sandbox/worker-pool-extractor.js";
import { publicFixturesDir } from "../tests/support/public-fixtures.js";
import type { BenchOptions, BenchResult } from "./lib/bench.js";
import type { Row, Table } from "./lib/report.js";
import { median } from "./lib/stats.js";

interface Fixture {
  name: string;
  kind: DocumentKind;
  bytes: Uint8Array;
}

const mib = (bytes: number) => bytes / 2 ** 20;

function fixtures(): { accepted: Fixture[]; refused: string[] } {
  const dir = publicFixturesDir();
  const accepted: Fixture[] = [];
  const refused: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    if (/^(README|SOURCES)\.md$|^SHA256SUMS$/.test(name)) continue;
    const bytes = new Uint8Array(readFileSync(join(dir, name)));
    const decision = decideType(name, undefined, bytes.subarray(0, 8192));
    if (decision.ok) accepted.push({ name, kind: decision.kind, bytes });
    else refused.push(`${name}: ${decision.detail}`);
  }
  return { accepted, refused };
}

/** The OCR languages a fixture is written in (SOURCES.md); English otherwise. */
function languagesOf(name: string): string[] {
  if (name.includes("francais")) return ["fra"];
  if (name.includes("eurotext")) return ["eng", "fra", "deu", "spa"];
  if (name.includes("masks")) return ["deu"];
  return ["eng"];
}

const assets = pdfjsAssets();
const engine = nodeOcrEngine(assets);

/** What the extraction thread gives extractWithinLimits, here in process. */
function environment(languages: string[], maxPages: number): ExtractEnvironment {
  return { pdfjs: assets, ocr: { ...engine, settings: { languages, maxPages } } };
}

async function timed(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

export async function runExtraction(options: BenchOptions): Promise<BenchResult> {
  const runs = options.runs ?? (options.quick ? 1 : 5);
  const limits = extractionLimits(loadConfigFromProcess());
  const pool = await workerPoolExtractor(limits, { threads: 1 });
  const { accepted, refused } = fixtures();
  const perFile: Row[] = [];
  const totals = new Map<string, { files: number; mib: number; ms: number; pages: number; pageMs: number }>();
  const perPage: Row[] = [];
  const failures: string[] = [];
  const detail: Record<string, unknown>[] = [];
  try {
    // A first task loads the parsers into the thread; a document's time starts after that.
    await pool.extract("txt", new TextEncoder().encode("warm up"));
    for (const fixture of accepted) {
      let text: string;
      let pages: number;
      let ocrPages: number;
      const ocrLanguages = languagesOf(fixture.name);
      try {
        const extracted = await pool.extract(fixture.kind, fixture.bytes.slice(), { ocrLanguages });
        text = extracted.blocks.map((b) => b.text).join("\n\n");
        pages = Math.max(0, ...extracted.blocks.map((b) => b.page ?? 0));
        ocrPages = extracted.ocrPages?.length ?? 0;
      } catch (error) {
        failures.push(`${fixture.name}: ${error instanceof Error ? error.message : String(error)}`);
        continue;
      }
      const plain = new TextEncoder().encode(text);
      const inPool: number[] = [];
      const inProcess: number[] = [];
      const baseline: number[] = [];
      for (let r = 0; r < runs; r++) {
        inPool.push(await timed(() => pool.extract(fixture.kind, fixture.bytes.slice(), { ocrLanguages })));
        inProcess.push(
          await timed(() =>
            extractWithinLimits(
              allFormats,
              fixture.kind,
              fixture.bytes,
              limits,
              environment(ocrLanguages, limits.ocr.maxPages),
            ),
          ),
        );
        baseline.push(await timed(() => extractWithinLimits(allFormats, "txt", plain, limits)));
      }
      const size = mib(fixture.bytes.byteLength);
      const ocr = ocrPages > 0 ? `, OCR ${ocrPages} p. (${ocrLanguages.join("+")})` : "";
      const label = `${fixture.kind}: ${fixture.name} (${(fixture.bytes.byteLength / 1024).toFixed(0)} KiB${pages > 0 ? `, ${pages} p.` : ""}${ocr})`;
      perFile.push({
        metric: label,
        unit: "ms",
        values: inPool,
        baseline: { name: "its text as .txt", values: baseline },
      });
      const group = ocrPages > 0 ? `${fixture.kind} (OCR)` : fixture.kind;
      const total = totals.get(group) ?? { files: 0, mib: 0, ms: 0, pages: 0, pageMs: 0 };
      totals.set(group, {
        files: total.files + 1,
        mib: total.mib + size,
        ms: total.ms + median(inPool),
        pages: total.pages + pages,
        pageMs: total.pageMs + (pages > 0 ? median(inPool) : 0),
      });
      if (pages > 0)
        perPage.push({
          metric: label,
          unit: "ms/page",
          values: inPool.map((ms) => ms / pages),
          baseline: { name: "in process", values: inProcess.map((ms) => ms / pages) },
        });
      detail.push({
        name: fixture.name,
        kind: fixture.kind,
        bytes: fixture.bytes.byteLength,
        pages,
        ocrPages,
        textChars: text.length,
        poolMs: inPool,
        inProcessMs: inProcess,
        baselineMs: baseline,
      });
    }
  } finally {
    await pool.close();
  }

  // Per format: all its files' time over all their bytes, so small files' fixed cost (a
  // message to the thread, a parser's start) weighs what it weighs in a real archive.
  const findings = [
    ...[...totals].map(
      ([kind, t]) =>
        `${kind}: ${t.files} file(s), ${(t.mib * 1024).toFixed(0)} KiB in ${t.ms.toFixed(0)} ms through the pool = ${(t.ms / t.mib).toFixed(0)} ms/MiB` +
        (t.pages > 0 ? `, ${(t.pageMs / t.pages).toFixed(1)} ms/page over ${t.pages} pages` : "") +
        ".",
    ),
    ...failures.map((f) => `Failed extraction (not measured): ${f}`),
    ...refused.map((r) => `Refused at upload (not measured): ${r}`),
  ];
  const tables: Table[] = [
    {
      title: "Extraction time per file, through the worker-thread pool",
      rows: perFile,
      note: "The baseline is the same extracted text read from a UTF-8 .txt in process: the ratio is what the format costs over plain text.",
    },
    { title: "Extraction time per page (PDF pages, slides, OCR'd pages), pool vs in process", rows: perPage },
  ];
  return { settings: { runs, fixtures: accepted.length }, tables, findings, detail };
}
