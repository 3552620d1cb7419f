import type { DocumentKind } from "./document-kind.js";
import type { ExtractedDocument } from "./extracted-document.js";
import { allFormats } from "./formats/all-formats.js";
import type { ExtractionCaps } from "./formats/format-reader.js";
import type { ExtractEnvironment } from "./ocr/ocr-engine.js";
import { readDocument } from "./read-document.js";

export { ExtractionError } from "./extraction-error.js";
export type { ExtractionCaps } from "./formats/format-reader.js";

/** A document's text as blocks, in any format Docstack reads (read-document.ts says how). */
export function extractDocument(
  kind: DocumentKind,
  bytes: Uint8Array,
  caps: ExtractionCaps = {},
  environment: ExtractEnvironment = {},
): Promise<ExtractedDocument> {
  return readDocument(allFormats, kind, bytes, caps, environment);
}
