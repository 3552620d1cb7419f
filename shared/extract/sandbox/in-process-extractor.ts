import { chunkForIndex } from "../../chunking/chunk-for-index.js";
import type { DocumentKind } from "../document-kind.js";
import type { FormatReaders } from "../formats/format-reader.js";
import { extractWithinLimits } from "./extract-within-limits.js";
import type { ExtractionLimits } from "./extraction-limits.js";
import type { Extractor } from "./extractor.js";

/**
 * Extraction on the calling thread, for Workers, which have no worker threads: the runtime's
 * own CPU and memory limits stand in for the pool's, and the other bounds apply as on Node. It
 * reads the formats of `readers` (the Workers bundle's), without OCR or pdf.js data files.
 */
export function inProcessExtractor(limits: ExtractionLimits, readers: FormatReaders): Extractor {
  return {
    kind: "in-process",
    formats: Object.keys(readers) as DocumentKind[],
    extract: (kind: DocumentKind, bytes: Uint8Array) => extractWithinLimits(readers, kind, bytes, limits),
    extractChunks: async (kind, bytes, options) =>
      chunkForIndex(kind, await extractWithinLimits(readers, kind, bytes, limits), options.chunking),
    close: async () => {},
  };
}
