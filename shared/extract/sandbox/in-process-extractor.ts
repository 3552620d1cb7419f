import { chunkForIndex } from "../../chunking/chunk-for-index.js";
import type { DocumentKind } from "../document-kind.js";
import { extractWithinLimits } from "./extract-within-limits.js";
import type { ExtractionLimits } from "./extraction-limits.js";
import type { Extractor } from "./extractor.js";

/**
 * Extraction on the calling thread, for Workers, which have no worker threads: the runtime's
 * own CPU and memory limits stand in for the pool's, and the other bounds apply as on Node. No
 * OCR and no pdf.js data files: a scanned page or an image fails with a reason saying so.
 */
export function inProcessExtractor(limits: ExtractionLimits): Extractor {
  return {
    kind: "in-process",
    extract: (kind: DocumentKind, bytes: Uint8Array) => extractWithinLimits(kind, bytes, limits),
    extractChunks: async (kind, bytes, options) =>
      chunkForIndex(kind, await extractWithinLimits(kind, bytes, limits), options.chunking),
    close: async () => {},
  };
}
