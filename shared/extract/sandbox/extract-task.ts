import type { MessagePort } from "node:worker_threads";
import type { DocumentKind } from "../document-kind.js";
import type { Extracted } from "./extract-within-limits.js";
import type { ExtractionLimits } from "./extraction-limits.js";

/** One document for an extraction thread. Structured-clonable; `bytes` and `started` are transferred. */
export interface ExtractTask {
  kind: DocumentKind;
  bytes: Uint8Array;
  limits: ExtractionLimits;
  ocrLanguages: readonly string[];
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
export type ExtractOutcome = { ok: true; extracted: Extracted } | { ok: false; reason: string };

/** The exit code of a thread stopped by its own memory watchdog (extract-worker.ts). */
export const memoryExitCode = 90;
