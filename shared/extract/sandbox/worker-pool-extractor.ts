import { availableParallelism } from "node:os";
import { MessageChannel } from "node:worker_threads";
import type { ChunkedExtraction, ChunkingOverrides } from "../../chunking/chunk-for-index.js";
import { ApiError } from "../../errors/api-error.js";
import type { DocumentKind } from "../document-kind.js";
import { ExtractionError } from "../extraction-error.js";
import { ocrLimitReason } from "../ocr/ocr-limits.js";
import type { ExtractOutcome, ExtractTask } from "./extract-task.js";
import { memoryExitCode } from "./extract-task.js";
import type { Extracted } from "./extract-within-limits.js";
import { type ExtractionLimits, limitReason } from "./extraction-limits.js";
import type { ExtractOptions, Extractor } from "./extractor.js";

export interface PoolOptions {
  /** Threads; 0 = one per core. */
  threads: number;
  /** A thread idle this long exits (its memory returns to the system); the next task starts one. */
  idleTimeoutMs?: number;
  /** A thread that has not begun a task this long after it was handed over is taken as broken. */
  startupTimeoutMs?: number;
  /** A thread that could not start or failed outside any task (the pool reports it here). */
  onError?: (error: unknown) => void;
  /** The module each thread runs; extract-worker by default (a test points it at a broken one). */
  script?: URL;
}

// Running from TypeScript sources (tsx in development and in the images, vitest in tests), a
// thread needs the same loader as its parent; tsx's own CLI passes it on through execArgv.
const fromSources = import.meta.url.endsWith(".ts");
const workerFile = new URL(`./extract-worker.${fromSources ? "ts" : "js"}`, import.meta.url);
const loaderArgs =
  fromSources && !process.execArgv.some((arg) => arg.includes("tsx")) ? ["--import", "tsx"] : [];

/**
 * Extraction in a pool of worker threads, so parsing never holds up the serving event loop and
 * a hostile file can only take its own thread down. Each thread's JS heap is capped by V8
 * (resourceLimits) and its buffers by a watchdog (extract-worker.ts); a task past the time limit
 * has its thread terminated. A thread that dies is replaced by the pool, and the document fails
 * with the bound it passed.
 */
export async function workerPoolExtractor(
  limits: ExtractionLimits,
  options: PoolOptions,
): Promise<Extractor> {
  // Imported here, not at the top: a bundle hoists a static import of an external package to its
  // own start, and a function that never extracts would load piscina for nothing.
  const { Piscina } = await import("piscina");
  const threads = options.threads > 0 ? options.threads : availableParallelism();
  const heapMb = Math.max(16, Math.round(limits.memoryBytes / 2 ** 20));
  const pool = new Piscina<ExtractTask, ExtractOutcome>({
    filename: (options.script ?? workerFile).href,
    execArgv: [...process.execArgv, ...loaderArgs],
    minThreads: 0,
    maxThreads: threads,
    idleTimeout: options.idleTimeoutMs ?? 60_000,
    resourceLimits: {
      maxOldGenerationSizeMb: heapMb,
      maxYoungGenerationSizeMb: Math.min(64, Math.max(8, Math.round(heapMb / 16))),
      stackSizeMb: 4,
    },
  });

  // Without a listener an "error" event would throw; with one, the task it concerns stays
  // pending, which the startup deadline below turns into an outage.
  pool.on("error", (error: unknown) => options.onError?.(error));
  const startupTimeoutMs = options.startupTimeoutMs ?? 60_000;

  const run = async (
    kind: DocumentKind,
    bytes: Uint8Array,
    options: ExtractOptions,
    chunking?: ChunkingOverrides,
  ): Promise<ExtractOutcome & { ok: true }> => {
    const own = movable(bytes);
    // The clock starts when a thread takes the task: waiting in the queue, or for a new thread
    // to load the parsers, is not the document's time. Once the document needs OCR, the OCR
    // limit applies instead, from the same start.
    const { port1: started, port2: startedInThread } = new MessageChannel();
    const abort = new AbortController();
    let timer = setTimeout(() => abort.abort(notStarted), startupTimeoutMs);
    let startedAt = 0;
    let ocr = false;
    started.on("message", (message: unknown) => {
      clearTimeout(timer);
      if (message === "ocr") {
        ocr = true;
        const left = startedAt + limits.ocr.timeoutMs - performance.now();
        timer = setTimeout(() => abort.abort(), Math.max(0, left));
      } else {
        startedAt = performance.now();
        timer = setTimeout(() => abort.abort(), limits.timeoutMs);
      }
    });
    const ocrLanguages = [...(options.ocrLanguages ?? ["eng"])];
    let outcome: ExtractOutcome;
    try {
      outcome = await pool.run(
        {
          kind,
          bytes: own,
          limits,
          ocrLanguages,
          started: startedInThread,
          ...(chunking ? { chunking } : {}),
        },
        { transferList: [own.buffer, startedInThread], signal: abort.signal },
      );
    } catch (error) {
      throw poolFailure(error, limits, ocr);
    } finally {
      clearTimeout(timer);
      started.close();
    }
    if (!outcome.ok) throw new ExtractionError(outcome.reason);
    return outcome;
  };

  return {
    kind: "worker-threads",
    formats: "all",
    async extract(kind: DocumentKind, bytes: Uint8Array, options: ExtractOptions = {}): Promise<Extracted> {
      const outcome = await run(kind, bytes, options);
      if (!("extracted" in outcome)) throw new Error("the extraction thread answered with chunks");
      return outcome.extracted;
    },
    async extractChunks(kind, bytes, options): Promise<ChunkedExtraction> {
      const outcome = await run(kind, bytes, options, options.chunking);
      if (!("chunked" in outcome)) throw new Error("the extraction thread answered without chunks");
      return outcome.chunked;
    },
    async close() {
      await pool.destroy();
    },
  };
}

/**
 * The bytes to move into the thread. A view over a whole buffer of its own is moved as is:
 * copying 100 MB costs the event loop a third of a second here. Anything else (a small Buffer
 * from Node's shared pool, a slice) is copied, since moving it would take memory others use.
 */
function movable(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  const { buffer } = bytes;
  if (buffer instanceof ArrayBuffer && bytes.byteOffset === 0 && bytes.byteLength === buffer.byteLength) {
    return new Uint8Array(buffer);
  }
  // A copy of its own: a Buffer's slice() would be a view of Node's shared pool, which Node 21+
  // refuses to transfer (DataCloneError) and Node 20 silently copied.
  return new Uint8Array(bytes);
}

const notStarted = new ApiError(
  "service_unavailable",
  "Text extraction is unavailable: its worker thread did not start (see the logs)",
  { retryAfter: 30 },
);

/** What a thread's death or termination means for the document. */
function poolFailure(error: unknown, limits: ExtractionLimits, ocr: boolean): Error {
  if (!(error instanceof Error)) return new Error(String(error));
  if (error.name === "AbortError") {
    // An outage, not the document's fault: indexing defers it (run-index.ts).
    if (error.cause === notStarted) return notStarted;
    const reason = ocr ? ocrLimitReason.time(limits.ocr.timeoutMs) : limitReason.time(limits.timeoutMs);
    return new ExtractionError(reason, { cause: error });
  }
  const code = (error as { code?: unknown }).code;
  if (code === "ERR_WORKER_OUT_OF_MEMORY" || error.message.endsWith(`exited with code: ${memoryExitCode}`)) {
    return new ExtractionError(limitReason.memory(limits.memoryBytes), { cause: error });
  }
  // Not the document's doing (the thread could not start, a bug): fail loudly, not as bad input.
  return error;
}
