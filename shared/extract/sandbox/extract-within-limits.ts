import type { DocumentKind } from "../document-kind.js";
import type { ExtractedDocument } from "../extracted-document.js";
import { ExtractionError } from "../extraction-error.js";
import type { FormatReaders } from "../formats/format-reader.js";
import type { ExtractEnvironment } from "../ocr/ocr-engine.js";
import { readDocument } from "../read-document.js";
import { type ExtractionLimits, limitReason } from "./extraction-limits.js";

/** What the extractor returns; crosses the thread boundary, so plain data only. */
export type Extracted = ExtractedDocument;

/**
 * Extraction with the checks that need no thread to enforce them: a ZIP is measured as it is
 * inflated, a PDF's page count before its pages are parsed, the text's length as soon as it
 * is known and again once normalized. `readers` are the formats the runtime reads.
 * Time and memory are the pool's business (worker-pool-extractor.ts), OCR's page cap the OCR
 * engine's settings (in the environment).
 */
export async function extractWithinLimits(
  readers: FormatReaders,
  kind: DocumentKind,
  bytes: Uint8Array,
  limits: ExtractionLimits,
  environment: ExtractEnvironment = {},
): Promise<Extracted> {
  // ZIP-based files are measured by their readers, which know which parts they inflate.
  const extracted = await readDocument(
    readers,
    kind,
    bytes,
    { zip: limits.zip, maxCells: limits.maxCells, maxChars: limits.maxChars, maxPages: limits.maxPages },
    environment,
  );
  const chars = characterCount(extracted);
  if (chars > limits.maxChars) throw new ExtractionError(limitReason.chars(chars, limits.maxChars));
  return extracted;
}

function characterCount(extracted: ExtractedDocument): number {
  return extracted.blocks.reduce((sum, block) => sum + block.text.length, 0);
}
