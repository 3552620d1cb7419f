/**
 * `npm run bench -- ocr`: what OCR costs and how well it reads, on the public scans. In process,
 * no stack: each fixture goes through the extraction pool (one thread, the defaults of
 * shared/config.ts) as indexing sends it, with its OCR languages. First the cost of a cold thread
 * (start, parsers, tesseract's WebAssembly and English model: one document of one page); then, on
 * the warm thread, per fixture: time per OCR'd page (render or decode at 300 dpi, capped at 12
 * megapixels, plus tesseract), the process's peak RSS over its size before the pool started (the
 * extraction thread's, as nothing else runs), and word accuracy against the ground truth where
 * the fixture has one.
 */
import { parseConfig } from "../shared/config.js";
import type { DocumentKind } from "../shared/extract/document-kind.js";
import { extractionLimits } from "../shared/extract/sandbox/extraction-limits.js";
import { workerPoolExtractor } from "../shared/extract/sandbox/worker-pool-extractor.js";
import { publicFixture } from "../tests/support/public-fixtures.js";
import { wordAccuracy } from "../tests/support/word-accuracy.js";
import type { BenchOptions, BenchResult } from "./lib/bench.js";
import type { Row } from "./lib/report.js";
import { median } from "./lib/stats.js";

interface Fixture {
  name: string;
  kind: DocumentKind;
  languages: string[];
  truth?: string;
}

const fixtures: Fixture[] = [
  { name: "docling-ocr_test.pdf", kind: "pdf", languages: ["eng"] },
  { name: "ocrmypdf-skew.pdf", kind: "pdf", languages: ["eng"], truth: "ocrmypdf-linn.txt" },
  { name: "ocrmypdf-c02-22.pdf", kind: "pdf", languages: ["eng"] },
  { name: "ocrmypdf-cardinal.pdf", kind: "pdf", languages: ["eng"] },
  { name: "ocrmypdf-francais.pdf", kind: "pdf", languages: ["fra"] },
  { name: "ocrmypdf-masks.pdf", kind: "pdf", languages: ["deu"] },
  { name: "tesseract-phototest.tif", kind: "tiff", languages: ["eng"], truth: "tesseract-phototest.txt" },
  {
    name: "tesseract-eurotext.tif",
    kind: "tiff",
    languages: ["eng", "fra", "deu", "spa"],
    truth: "tesseract-eurotext.txt",
  },
  { name: "tesseract-eurotext.tif", kind: "tiff", languages: ["eng"], truth: "tesseract-eurotext.txt" },
  { name: "ocrmypdf-typewriter.png", kind: "png", languages: ["eng"] },
  { name: "unstructured-double-column-A.jpg", kind: "jpeg", languages: ["eng"] },
];

export async function runOcr(options: BenchOptions): Promise<BenchResult> {
  const runs = options.runs ?? 1;
  const pool = await workerPoolExtractor(extractionLimits(parseConfig({})), { threads: 1 });
  const baseline = process.memoryUsage.rss();
  let peak = baseline;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, 20);
  const speed: Row[] = [];
  const memory: Row[] = [];
  const accuracy: Row[] = [];
  const perPage: number[] = [];
  const findings: string[] = [];
  try {
    let started = performance.now();
    await pool.extract("tiff", publicFixture("tesseract-phototest.tif"), { ocrLanguages: ["eng"] });
    findings.push(
      `A cold extraction thread took ${((performance.now() - started) / 1000).toFixed(1)} s for its first one-page OCR ` +
        "(thread start, modules loaded from TypeScript sources by tsx, tesseract's WebAssembly compiled, English model loaded).",
    );
    for (const fixture of options.quick ? fixtures.slice(0, 2) : fixtures) {
      const label = `${fixture.name} (${fixture.languages.join("+")})`;
      const times: number[] = [];
      const peaks: number[] = [];
      let text = "";
      for (let run = 0; run < runs; run++) {
        peak = process.memoryUsage.rss();
        started = performance.now();
        const extracted = await pool.extract(fixture.kind, publicFixture(fixture.name), {
          ocrLanguages: fixture.languages,
        });
        const ms = performance.now() - started;
        times.push(ms / Math.max(1, extracted.ocrPages?.length ?? 0));
        peaks.push((Math.max(peak, process.memoryUsage.rss()) - baseline) / 2 ** 20);
        text = extracted.blocks.map((b) => b.text).join("\n\n");
      }
      perPage.push(median(times));
      speed.push({ metric: label, unit: "ms/page", values: times });
      memory.push({ metric: label, unit: "MiB", values: peaks });
      if (fixture.truth !== undefined) {
        const truth = new TextDecoder().decode(publicFixture(fixture.truth));
        accuracy.push({ metric: label, unit: "word accuracy", values: [wordAccuracy(text, truth)] });
      }
    }
  } finally {
    clearInterval(sampler);
    await pool.close();
  }
  findings.push(`Median OCR time per page over the fixtures, warm thread: ${median(perPage).toFixed(0)} ms.`);
  return {
    settings: { runs, dpi: 300, maxMegapixels: 12, threads: 1 },
    tables: [
      {
        title: "OCR time per page on a warm extraction thread (rendering or decoding, recognition)",
        rows: speed,
      },
      {
        title: "Peak RSS of the process over its size before the pool started (the extraction thread's)",
        rows: memory,
      },
      {
        title: "Word accuracy against the ground truth (share of its words read, in order)",
        rows: accuracy,
        note: "ocrmypdf-skew.pdf is compared with ocrmypdf-linn.txt, the reference text of the same brochure page.",
      },
    ],
    findings,
  };
}
