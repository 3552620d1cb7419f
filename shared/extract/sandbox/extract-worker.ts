import { ExtractionError } from "../extraction-error.js";
import type { ExtractOutcome, ExtractTask } from "./extract-task.js";
import { memoryExitCode } from "./extract-task.js";
import { extractWithinLimits } from "./extract-within-limits.js";

/**
 * The extraction thread's task (piscina loads this module in each thread). V8's resourceLimits
 * bound the JS heap, but not ArrayBuffers, where decompressed streams live (a PDF stream bomb
 * inflates into them): a watchdog checks both every 100 ms and ends the thread when they pass
 * the limit. pdf.js yields between operators, so the check gets its turn.
 */
export default async function extract(task: ExtractTask): Promise<ExtractOutcome> {
  task.started.postMessage("started");
  task.started.close();
  const watchdog = setInterval(() => {
    const { heapUsed, arrayBuffers } = process.memoryUsage();
    if (heapUsed + arrayBuffers > task.limits.memoryBytes) process.exit(memoryExitCode);
  }, 100);
  try {
    return { ok: true, extracted: await extractWithinLimits(task.kind, task.bytes, task.limits) };
  } catch (error) {
    if (error instanceof ExtractionError) return { ok: false, reason: error.message };
    throw error;
  } finally {
    clearInterval(watchdog);
  }
}
