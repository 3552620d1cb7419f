import type { DocumentKind } from "../document-kind.js";
import type { TextBlock } from "../extracted-document.js";
import { ExtractionError } from "../extraction-error.js";
import type { ExtractEnvironment } from "../ocr/ocr-engine.js";
import { limitReason } from "../sandbox/extraction-limits.js";
import type { ZipLimits } from "../zip/zip-limits.js";

/**
 * The bounds parsers enforce as they read (the collection's choices, such as OCR languages,
 * travel in the environment). A cap left out is not applied: extractWithinLimits passes the
 * configured ones.
 */
export interface ExtractionCaps {
  /** What a ZIP-based file may expand to (EXTRACT_MAX_UNZIPPED_MB). */
  readonly zip?: ZipLimits;
  /** Cells of a spreadsheet, shapes and table cells of a presentation (EXTRACT_MAX_CELLS). */
  readonly maxCells?: number;
  /**
   * Characters the raw text may have (EXTRACT_MAX_CHARS). Checked as soon as it is known (a
   * text file's decoded length, the blocks a parser returned), before the passes over it that
   * cost time per character: a 90 MiB one-word file fails in a second, not at the time limit.
   */
  readonly maxChars?: number;
  /** Pages of a PDF (EXTRACT_MAX_PAGES), counted from its page tree before any page is parsed. */
  readonly maxPages?: number;
}

/** A format's blocks as its parser gave them, before normalization. */
export interface RawDocument {
  blocks: TextBlock[];
  /** The character encoding a text format was read in. */
  encoding?: string;
  /** Pages read by OCR. */
  ocrPages?: number[];
}

/** Reads one format's bytes into blocks. Every failure meant for the uploader is an ExtractionError. */
export type FormatReader = (
  bytes: Uint8Array,
  caps: ExtractionCaps,
  environment: ExtractEnvironment,
) => Promise<RawDocument>;

/**
 * The formats a runtime can read, each with its reader. Node has them all; a Workers bundle holds
 * only those whose parsers are plain JavaScript that fits there (formats/portable-formats.ts).
 */
export type FormatReaders = Readonly<Partial<Record<DocumentKind, FormatReader>>>;

export function assertWithinChars(chars: number, maxChars: number): void {
  if (chars > maxChars) throw new ExtractionError(limitReason.chars(chars, maxChars));
}
