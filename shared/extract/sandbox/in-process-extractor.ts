import type { DocumentKind } from "../document-kind.js";
import { extractWithinLimits } from "./extract-within-limits.js";
import type { ExtractionLimits } from "./extraction-limits.js";
import type { Extractor } from "./extractor.js";

/**
 * Extraction on the calling thread, for Workers, which have no worker threads: the runtime's
 * own CPU and memory limits stand in for the pool's, and the other bounds apply as on Node.
 */
export function inProcessExtractor(limits: ExtractionLimits): Extractor {
  return {
    kind: "in-process",
    extract: (kind: DocumentKind, bytes: Uint8Array) => extractWithinLimits(kind, bytes, limits),
    close: async () => {},
  };
}
