import type { MessagePort } from "node:worker_threads";
import type { ChunkedExtraction, ChunkingOverrides } from "../../chunking/chunk-for-index.js";
import type { DocumentKind } from "../document-kind.js";
import type { Extracted } from "./extract-within-limits.js";
import type { ExtractionLimits } from "./extraction-limits.js";

/** One document for an extraction thread. Structured-clonable; `bytes` and `started` are transferred. */
export interface ExtractTask {
  kind: DocumentKind;
  bytes: Uint8Array;
  limits: ExtractionLimits;
  ocrLanguages: readonly string[];
  /** Present: chunk in the thread too with these settings, and answer with the chunks. */
  chunking?: ChunkingOverrides;
  /**
   * The thread posts "started" on it when it begins (the time limit runs from then, not from the
   * queue) and "ocr" when the document turns out to need OCR (the limit becomes OCR_TIMEOUT_S).
   */
  started: MessagePort;
}

/**
 * An ExtractionError's class does not survive postMessage (it arrives as a plain Error), so
 * the thread answers with a result instead of throwing for the expected failures.
 */
export type ExtractOutcome =
  | { ok: true; extracted: Extracted }
  | { ok: true; chunked: ChunkedExtraction }
  | { ok: false; reason: string };

/** The exit code of a thread stopped by its own memory watchdog (extract-worker.ts). */
export const memoryExitCode = 90;
