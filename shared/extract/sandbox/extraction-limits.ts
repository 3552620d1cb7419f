import type { Config } from "../../config.js";
import { type ZipLimits, zipLimits } from "../zip/zip-limits.js";

/** Bounds on one document's extraction. Plain data: it crosses into the worker threads. */
export interface ExtractionLimits {
  /** Pages of a PDF. */
  maxPages: number;
  /** Characters (UTF-16 code units) of extracted text. */
  maxChars: number;
  /** What a ZIP-based file (DOCX, XLSX, PPTX, ODF) may expand to. */
  zip: ZipLimits;
  /** Cells of a spreadsheet, shapes and table cells of a presentation, read per document. */
  maxCells: number;
  /** Wall-clock time of one extraction, milliseconds (enforced by the pool, which ends the thread). */
  timeoutMs: number;
  /** JS heap plus buffers of one extraction thread, bytes. */
  memoryBytes: number;
  /** Pages of one document OCR reads, and the time limit that replaces timeoutMs once OCR starts. */
  ocr: { maxPages: number; timeoutMs: number };
}

export function extractionLimits(config: Config): ExtractionLimits {
  return {
    maxPages: config.EXTRACT_MAX_PAGES,
    maxChars: config.EXTRACT_MAX_CHARS,
    zip: zipLimits(config.EXTRACT_MAX_UNZIPPED_MB * 2 ** 20),
    maxCells: config.EXTRACT_MAX_CELLS,
    timeoutMs: config.EXTRACT_TIMEOUT_S * 1000,
    memoryBytes: config.EXTRACT_MEMORY_MB * 2 ** 20,
    ocr: { maxPages: config.OCR_MAX_PAGES, timeoutMs: config.OCR_TIMEOUT_S * 1000 },
  };
}

/** The reasons a document fails with when a bound is passed; shown to the uploader as they are. */
export const limitReason = {
  memory: (bytes: number) =>
    `extraction exceeded the memory limit of ${Math.round(bytes / 2 ** 20)} MiB (EXTRACT_MEMORY_MB)`,
  time: (ms: number) => `extraction took longer than ${Math.round(ms / 1000)} s (EXTRACT_TIMEOUT_S)`,
  pages: (pages: number, max: number) =>
    `the PDF has ${pages.toLocaleString("en")} pages; the limit is ${max.toLocaleString("en")} (EXTRACT_MAX_PAGES)`,
  chars: (chars: number, max: number) =>
    `the extracted text has ${chars.toLocaleString("en")} characters; the limit is ${max.toLocaleString("en")} (EXTRACT_MAX_CHARS)`,
  cells: (document: string, unit: string, max: number) =>
    `the ${document} has more than ${max.toLocaleString("en")} ${unit}, the limit (EXTRACT_MAX_CELLS)`,
  chunks: (chunks: number, max: number) =>
    `the document would make ${chunks.toLocaleString("en")} chunks; the limit is ${max.toLocaleString("en")} (INDEX_MAX_CHUNKS)`,
  attempts: (attempts: number) =>
    `indexing did not finish after ${attempts} attempts (each was cut short: the process crashed or was stopped, or its lease ran out; INDEX_MAX_ATTEMPTS)`,
};
