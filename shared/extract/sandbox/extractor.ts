import type { ChunkedExtraction, ChunkingOverrides } from "../../chunking/chunk-for-index.js";
import type { DocumentKind } from "../document-kind.js";
import type { Extracted } from "./extract-within-limits.js";

/** The collection's choices for one document's extraction. Plain data. */
export interface ExtractOptions {
  /** Tesseract language codes OCR reads in (the collection's ocr_languages); English when absent. */
  ocrLanguages?: readonly string[];
}

/**
 * Turns a stored file into text within the configured bounds. Every failure a user should see
 * (a bound passed, a damaged file) is an ExtractionError with a readable message.
 */
export interface Extractor {
  /** `worker-threads` (Node: off the serving event loop) or `in-process` (Workers). */
  readonly kind: "worker-threads" | "in-process";
  /**
   * The formats it reads: all of them on Node; on Workers those whose parsers are in the bundle
   * (formats/portable-formats.ts). Indexing claims only documents of these formats.
   */
  readonly formats: readonly DocumentKind[] | "all";
  /** May take `bytes` over (their buffer moves to the extraction thread): do not use them after. */
  extract(kind: DocumentKind, bytes: Uint8Array, options?: ExtractOptions): Promise<Extracted>;
  /** Extraction and then chunking with the collection's settings, both in the same place (thread). */
  extractChunks(
    kind: DocumentKind,
    bytes: Uint8Array,
    options: ExtractOptions & { chunking: ChunkingOverrides },
  ): Promise<ChunkedExtraction>;
  close(): Promise<void>;
}
