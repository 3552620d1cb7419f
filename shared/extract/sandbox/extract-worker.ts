import { chunkForIndex } from "../../chunking/chunk-for-index.js";
import { ExtractionError } from "../extraction-error.js";
import { allFormats } from "../formats/all-formats.js";
import { nodeOcrEngine } from "../ocr/node/node-ocr-engine.js";
import { pdfjsAssets } from "../ocr/node/pdfjs-assets.js";
import type { ExtractEnvironment } from "../ocr/ocr-engine.js";
import type { ExtractOutcome, ExtractTask } from "./extract-task.js";
import { memoryExitCode } from "./extract-task.js";
import { extractWithinLimits } from "./extract-within-limits.js";

/**
 * The extraction thread's task (piscina loads this module in each thread). V8's resourceLimits
 * bound the JS heap, but not ArrayBuffers, where decompressed streams live (a PDF stream bomb
 * inflates into them) nor WebAssembly memories (OCR's engine, pdf.js's image decoders): a
 * watchdog checks the heap and the external memory V8 is told of (buffers and WebAssembly
 * memories) every 100 ms and ends the thread when they pass the limit. pdf.js yields between
 * operators and OCR between pages, so the check gets its turn.
 */
export default async function extract(task: ExtractTask): Promise<ExtractOutcome> {
  const { started } = task;
  started.postMessage("started");
  const watchdog = setInterval(() => {
    const { heapUsed, external } = process.memoryUsage();
    if (heapUsed + external > task.limits.memoryBytes) process.exit(memoryExitCode);
  }, 100);
  const environment: ExtractEnvironment = {
    pdfjs: assets,
    ocr: {
      ...ocrEngine,
      settings: { languages: task.ocrLanguages, maxPages: task.limits.ocr.maxPages },
      onStart: () => started.postMessage("ocr"),
    },
  };
  try {
    const extracted = await extractWithinLimits(allFormats, task.kind, task.bytes, task.limits, environment);
    if (task.chunking === undefined) return { ok: true, extracted };
    return { ok: true, chunked: await chunkForIndex(task.kind, extracted, task.chunking) };
  } catch (error) {
    if (error instanceof ExtractionError) return { ok: false, reason: error.message };
    throw error;
  } finally {
    clearInterval(watchdog);
    started.close();
  }
}

const assets = pdfjsAssets();
const ocrEngine = nodeOcrEngine(assets);
