/**
 * `npm run bench -- ingest`: a generated mixed corpus (PDF, DOCX, HTML, TXT) uploaded through
 * Nginx and indexed by the worker on the local stack, against the same extraction, chunking and
 * embedding in one process with no HTTP or storage (the baseline), run for run.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { repoRoot, type StackState, stopService } from "../infra/local/stack.js";
import { chunkDocument } from "../shared/chunking/chunk-blocks.js";
import { adaptiveChunkSettings } from "../shared/chunking/chunk-settings.js";
import { parseConfig } from "../shared/config.js";
import { buildNodeEmbedder } from "../shared/deps/build-node-embedder.js";
import type { Embedder } from "../shared/embeddings/embedder.js";
import { kindFromContentType } from "../shared/extract/document-kind.js";
import { extractDocument } from "../shared/extract/extract-document.js";
import { chunkSearchTexts } from "../shared/retrieval/search-text.js";
import { type GrowthRun, growthRun } from "./ingest-growth.js";
import { createCollection, uploadDocument, waitIndexed } from "./lib/api.js";
import { bareInsert, bareUpsert, type PreparedForWrite, stageBound } from "./lib/bare-stages.js";
import type { BenchOptions, BenchResult } from "./lib/bench.js";
import { type CorpusEntry, ensureCorpus } from "./lib/corpus.js";
import { cpuBetween, cpuSnapshot } from "./lib/cpu.js";
import { AddressPool, loopbackAddresses } from "./lib/load.js";
import { type MemoryPeaks, procMemory, sampleMemory } from "./lib/memory.js";
import { type ProfileSummary, profiled, profileFinding } from "./lib/profile.js";
import { delta, scrape, sumBy, sumOf } from "./lib/prom.js";
import type { Row, Table } from "./lib/report.js";
import { benchKey, functionServices, log, pidsOf, servicePids, withStack } from "./lib/stack.js";
import { median } from "./lib/stats.js";

const MB = 1e6;
/** The worker's embedding batch (EMBED_BATCH_SIZE default). */
const embedBatch = 64;
/** Documents per write in the bare write stages: the worker's documents in flight (INDEX_CONCURRENCY). */
const writeGroup = 8;
/** Parallel uploaders: the corpus arrives faster than one worker indexes it. */
const uploaders = 4;
/**
 * What one upload stream may hold by design: minio-js's uploadStream cuts the body into 8 MiB
 * parts with a BlockStream2 chunker and PUTs one part at a time; while a part is on the wire the
 * next is assembled (its pieces, then their Buffer.concat copy) and waits in the chunker, whose
 * backpressure then stops the body. Three parts: 24 MiB.
 */
const streamBufferBoundMiB = 24;

type Stage = "upload" | "fetch" | "extract" | "chunk" | "embed" | "upsert" | "sql";
/** The stack's function processes here: the standalone worker is stopped (see runIngest). */
const servedFunctions = functionServices.filter((n) => n !== "worker");
const workerStages: Stage[] = ["fetch", "extract", "chunk", "embed", "upsert", "sql"];

interface Loaded extends CorpusEntry {
  bytes: Uint8Array;
}

interface BaselineRun {
  seconds: number;
  chunks: number;
  stages: Record<"extract" | "chunk" | "embed", number>;
  /** The same documents written alone, with the worker's statements and requests (seconds). */
  bare: { upsert: number; insert: number };
}

/** Extraction, chunking and embedding of every document, in order, in this process. */
async function baselineRun(
  corpus: Loaded[],
  embedder: Embedder,
): Promise<Omit<BaselineRun, "bare"> & { prepared: PreparedForWrite[] }> {
  const stages = { extract: 0, chunk: 0, embed: 0 };
  const prepared: PreparedForWrite[] = [];
  let chunks = 0;
  const started = performance.now();
  for (const doc of corpus) {
    const kind = kindFromContentType(doc.contentType);
    if (kind === undefined) throw new Error(`no kind for ${doc.contentType}`);
    let t = performance.now();
    const extracted = await extractDocument(kind, doc.bytes);
    stages.extract += performance.now() - t;
    t = performance.now();
    const chunked = chunkDocument(extracted, (length) => adaptiveChunkSettings(kind, length));
    const parts = chunked.chunks.map((chunk) => chunk.text);
    stages.chunk += performance.now() - t;
    t = performance.now();
    const vectors: number[][] = [];
    for (let i = 0; i < parts.length; i += embedBatch)
      vectors.push(...(await embedder.embed(parts.slice(i, i + embedBatch), "document")));
    stages.embed += performance.now() - t;
    chunks += parts.length;
    const searchTexts = await chunkSearchTexts(parts);
    prepared.push({
      text: chunked.text,
      chunks: chunked.chunks.map((c, i) => ({ ...c, search_text: searchTexts[i] ?? null })),
      vectors,
    });
  }
  return {
    prepared,
    seconds: (performance.now() - started) / 1000,
    chunks,
    stages: { extract: stages.extract / 1000, chunk: stages.chunk / 1000, embed: stages.embed / 1000 },
  };
}

interface StackRun {
  seconds: number;
  /** The index function's event-loop delay over the run (p99, worst), seconds. */
  eventLoop: { p99: number; max: number };
  uploadSeconds: number;
  chunks: number;
  failed: number;
  /** Seconds per stage, summed over documents (upload: over requests, `uploaders` at a time). */
  stages: Record<Stage, number>;
  memory: Record<string, MemoryPeaks>;
  /** CPU seconds per process (with its children) over the run. */
  cpu: Record<string, number>;
}

async function stackRun(
  state: StackState,
  key: string,
  corpus: Loaded[],
  run: number,
  deadline: number,
): Promise<StackRun> {
  const collection = await createCollection(state, key, `bench-ingest-${run}-${Date.now()}`);
  const indexUrl = state.functions.index?.[0] ?? "";
  const uploadUrl = state.functions.upload?.[0] ?? "";
  const stageBefore = sumBy(await scrape(indexUrl), "docstack_index_stage_duration_seconds_sum", "stage");
  // A scrape starts a new event-loop window: the next one covers this run.
  await scrape(indexUrl);
  const uploadMetric = { function: "upload", route: "/documents", method: "POST" };
  const uploadBefore = sumOf(
    await scrape(uploadUrl),
    "docstack_http_request_duration_seconds_sum",
    uploadMetric,
  );
  // One source address per upload (Nginx allows 1 upload/s, burst 5, per address).
  const pool = new AddressPool(loopbackAddresses(corpus.length, 10 + 10 * (run % 2)));
  const memory = sampleMemory(pidsOf(state, servedFunctions));
  const pids = servicePids(state, ["worker"]);
  const cpuBefore = cpuSnapshot(pids);
  const started = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: uploaders }, async () => {
      while (next < corpus.length) {
        const i = next++;
        const doc = corpus[i];
        if (doc === undefined) break;
        await uploadDocument(pool, state, key, collection, doc, i);
      }
    }),
  );
  pool.destroy();
  const uploadSeconds = (performance.now() - started) / 1000;
  log(`run ${run}: ${corpus.length} uploads in ${uploadSeconds.toFixed(1)} s; waiting for the worker`);
  const status = await waitIndexed(state, key, collection, deadline);
  const seconds = (performance.now() - started) / 1000;
  const peaks = memory.stop();
  const cpu = cpuBetween(cpuSnapshot(pids), cpuBefore);
  const after = await scrape(indexUrl);
  const stageAfter = sumBy(after, "docstack_index_stage_duration_seconds_sum", "stage");
  const loopDelay = sumBy(after, "docstack_event_loop_delay_seconds", "quantile");
  const uploadAfter = sumOf(
    await scrape(uploadUrl),
    "docstack_http_request_duration_seconds_sum",
    uploadMetric,
  );
  const worker = delta(stageAfter, stageBefore);
  const stages = { upload: uploadAfter - uploadBefore } as Record<Stage, number>;
  for (const s of workerStages) stages[s] = worker[s] ?? 0;
  return {
    seconds,
    eventLoop: { p99: loopDelay["0.99"] ?? Number.NaN, max: loopDelay["1"] ?? Number.NaN },
    uploadSeconds,
    chunks: status.chunks,
    failed: status.counts.failed,
    stages,
    memory: peaks,
    cpu,
  };
}

/**
 * 100 MB uploads through Nginx while the upload function's RSS is sampled every 10 ms; a 10 MB
 * upload first grows the heap to its working size. Returns each one's growth over the RSS before it.
 */
async function bigUploads(
  state: StackState,
  key: string,
  count: number,
): Promise<{ growthMiB: number; beforeMiB: number; seconds: number }[]> {
  const pid = state.services.upload?.pid;
  if (pid === undefined) throw new Error("no upload function pid");
  const collection = await createCollection(state, key, `bench-big-${Date.now()}`);
  const line = Buffer.from("Streaming uploads keep memory flat whatever the file size; this line repeats.\n");
  // Each file differs in its first line (the collection would take a second copy as a duplicate).
  const file = (bytes: number, n: number) => {
    const b = Buffer.alloc(bytes);
    for (let o = 0; o < bytes; o += line.length) line.copy(b, o);
    b.write(`file ${n} ${Date.now()}\n`, 0);
    return b;
  };
  const pool = new AddressPool(loopbackAddresses(count + 1, 9));
  const send = (bytes: number, i: number) =>
    uploadDocument(
      pool,
      state,
      key,
      collection,
      { name: `big-${i}.txt`, contentType: "text/plain", bytes: file(bytes, i) },
      i,
    );
  const out: { growthMiB: number; beforeMiB: number; seconds: number }[] = [];
  try {
    await send(10 * MB, 0);
    for (let i = 1; i <= count; i++) {
      await new Promise((r) => setTimeout(r, 1000));
      const beforeMiB = procMemory(pid)?.rssMiB ?? Number.NaN;
      const sampler = sampleMemory({ upload: pid }, 10);
      const started = performance.now();
      await send(100 * MB, i);
      const seconds = (performance.now() - started) / 1000;
      const peak = sampler.stop().upload?.peakMiB ?? Number.NaN;
      out.push({ growthMiB: peak - beforeMiB, beforeMiB, seconds });
      log(
        `100 MB upload ${i}: ${seconds.toFixed(1)} s, upload function RSS ${beforeMiB.toFixed(0)} -> +${(peak - beforeMiB).toFixed(1)} MiB`,
      );
    }
  } finally {
    pool.destroy();
  }
  return out;
}

export async function runIngest(options: BenchOptions): Promise<BenchResult> {
  const scale = options.quick ? 0.05 * options.scale : options.scale;
  const runs = options.runs ?? (options.quick ? 1 : 2);
  const spec = {
    documents: Math.max(8, Math.round(500 * scale)),
    totalBytes: Math.round(105 * MB * scale),
    seed: 7,
  };
  log(
    `corpus: ${spec.documents} documents, ~${(spec.totalBytes / MB).toFixed(0)} MB (generated once into .bench/corpus)`,
  );
  const entries = await ensureCorpus(spec, join(repoRoot, ".bench/corpus"), (n) =>
    log(`corpus: ${n} generated`),
  );
  const corpus: Loaded[] = entries.map((e) => ({ ...e, bytes: readFileSync(e.path) }));
  const totalBytes = corpus.reduce((a, d) => a + d.size, 0);
  const byKind = Object.fromEntries(
    (["pdf", "docx", "html", "txt"] as const).map((k) => {
      const docs = corpus.filter((d) => d.kind === k);
      return [k, `${docs.length} docs, ${(docs.reduce((a, d) => a + d.size, 0) / MB).toFixed(1)} MB`];
    }),
  );
  // A stack run may take a few times its baseline (the ONNX baseline alone is 15 minutes here),
  // never less than this.
  const minimumWait = (options.quick ? 5 : 25) * 60_000;
  const deadlineAfter = (baselineSeconds: number) =>
    Date.now() + Math.max(minimumWait, 4 * baselineSeconds * 1000);
  const growthSpec = {
    documents: options.quick ? 400 : 10_000,
    totalBytes: (options.quick ? 400 : 10_000) * 6000,
    seed: 11,
  };
  const growthCorpus = (
    await ensureCorpus(growthSpec, join(repoRoot, ".bench/corpus"), (n) => {
      if (n % 1000 === 0) log(`growth corpus: ${n} generated`);
    })
  ).map((e) => ({ ...e, bytes: readFileSync(e.path) }));
  let growth: GrowthRun | undefined;

  const baselines: BaselineRun[] = [];
  const stackRuns: StackRun[] = [];
  const idle: Record<string, number> = {};
  let big: Awaited<ReturnType<typeof bigUploads>> = [];
  let profile: ProfileSummary | undefined;
  // INGEST_EMBEDDER=onnx: the local model (EMBEDDER_THREADS 1) in the functions and in the
  // baseline alike, so the embedder's own throughput is measured with the same threads.
  const onnx = process.env.INGEST_EMBEDDER === "onnx";
  const embedderEnv: Record<string, string> = onnx
    ? {
        EMBEDDER: "onnx",
        EMBEDDER_MODEL_DIR: join(repoRoot, ".models/all-minilm-l6-v2"),
        EMBEDDER_THREADS: "1",
      }
    : { EMBEDDER: "builtin" };
  const embedder = await buildNodeEmbedder(parseConfig(embedderEnv));
  await withStack({ functionEnv: { INDEX_WORKER: "true", ...embedderEnv } }, async (state) => {
    // One worker, inside the index function, so its /metrics holds every stage timing (the
    // standalone worker process runs the same code but serves no /metrics).
    const worker = state.services.worker;
    if (worker) await stopService(worker);
    for (const [name, pid] of Object.entries(pidsOf(state, servedFunctions))) {
      const m = procMemory(pid);
      if (m) idle[name] = m.rssMiB;
    }
    const key = await benchKey(state, ["read", "write"]);
    for (let run = 1; run <= runs; run++) {
      log(`run ${run}/${runs}: baseline (in-process extract + chunk + embed)`);
      const { prepared, ...measured } = await baselineRun(corpus, embedder);
      log(`run ${run}/${runs}: the bare writes (Chroma upsert, chunk insert) of the same documents`);
      const scratch = await createCollection(state, key, `bench-bare-${run}-${Date.now()}`);
      const b: BaselineRun = {
        ...measured,
        bare: {
          upsert: await bareUpsert(state, prepared, writeGroup),
          insert: await bareInsert(state, scratch, prepared, writeGroup),
        },
      };
      baselines.push(b);
      log(
        `run ${run}/${runs}: baseline ${b.seconds.toFixed(1)} s, ${b.chunks} chunks; now through the stack`,
      );
      const s = await stackRun(state, key, corpus, run, deadlineAfter(b.seconds));
      stackRuns.push(s);
      log(`run ${run}/${runs}: stack ${s.seconds.toFixed(1)} s, ${s.chunks} chunks, ${s.failed} failed`);
    }
    if (options.cpuProf) {
      // A separate pass over a tenth of the corpus, so the profiler slows no measured run.
      log("CPU profile of the index function (its worker) over a tenth of the corpus, not measured");
      const part = corpus.slice(0, Math.max(4, Math.round(corpus.length / 10)));
      profile = (
        await profiled(state, "index", () =>
          stackRun(state, key, part, runs + 1, deadlineAfter(median(baselines.map((x) => x.seconds)))),
        )
      ).profile;
    }
    // With the local model, the embedder's ratio is the point; the growth and upload phases are
    // the built-in run's.
    if (onnx) return;
    log(`growth: ${growthCorpus.length} documents into one collection, uploaded before the worker starts`);
    growth = await growthRun(state, key, growthCorpus, uploaders, Date.now() + 60 * 60_000);
    log(
      `growth: ${growth.seconds.toFixed(0)} s, first tenth ${growth.firstTenth.toFixed(1)} doc/s, last tenth ${growth.lastTenth.toFixed(1)} doc/s`,
    );
    log("100 MB uploads with the upload function's RSS sampled");
    big = await bigUploads(state, key, options.quick ? 1 : 3);
  });

  const docs = corpus.length;
  const mb = totalBytes / MB;
  const b = (f: (r: BaselineRun) => number) => ({ name: "in-process pipeline", values: baselines.map(f) });
  const throughput: Table = {
    title:
      "Ingest throughput (upload through Nginx → MinIO → worker → Chroma + PostgreSQL, until all indexed)",
    rows: [
      {
        metric: "documents/s",
        unit: "doc/s",
        values: stackRuns.map((r) => docs / r.seconds),
        baseline: b((r) => docs / r.seconds),
      },
      {
        metric: "MB/s (file bytes)",
        unit: "MB/s",
        values: stackRuns.map((r) => mb / r.seconds),
        baseline: b((r) => mb / r.seconds),
      },
      {
        metric: "chunks/s",
        unit: "chunks/s",
        values: stackRuns.map((r) => r.chunks / r.seconds),
        baseline: b((r) => r.chunks / r.seconds),
      },
      {
        metric: "wall time",
        unit: "s",
        values: stackRuns.map((r) => r.seconds),
        baseline: b((r) => r.seconds),
      },
      {
        metric: "upload phase (all files accepted)",
        unit: "s",
        values: stackRuns.map((r) => r.uploadSeconds),
      },
      { metric: "chunks", unit: "", values: stackRuns.map((r) => r.chunks), baseline: b((r) => r.chunks) },
      { metric: "failed documents", unit: "", values: stackRuns.map((r) => r.failed) },
    ],
    note: `Corpus: ${docs} documents, ${mb.toFixed(1)} MB (${Object.entries(byKind)
      .map(([k, v]) => `${k}: ${v}`)
      .join("; ")}).`,
  };
  const perDoc = (seconds: (r: BaselineRun) => number) => baselines.map((r) => docs / seconds(r));
  const bareStages: [string, (r: BaselineRun) => number][] = [
    [
      "extraction + chunking alone (in process, one document at a time)",
      (r) => r.stages.extract + r.stages.chunk,
    ],
    [`embedding alone (${embedder.kind} embedder, batches of 64)`, (r) => r.stages.embed],
    [`Chroma upsert alone (${writeGroup} documents per call)`, (r) => r.bare.upsert],
    [`chunk + text insert alone (${writeGroup} documents per transaction)`, (r) => r.bare.insert],
  ];
  const bound = baselines.map((r) =>
    stageBound(
      docs,
      bareStages.map(([, f]) => f(r)),
    ),
  );
  const boundTable: Table = {
    title: "Against the stage bound (each stage alone on the same corpus, in the same run)",
    rows: [
      ...bareStages.map(([metric, f]): Row => ({ metric, unit: "doc/s", values: perDoc(f) })),
      { metric: "stage bound 1 / Σ(1 / throughput)", unit: "doc/s", values: bound },
      ...(onnx
        ? [
            {
              metric: "stack ingest chunks/s",
              unit: "chunks/s",
              values: stackRuns.map((r) => r.chunks / r.seconds),
              baseline: {
                name: "the embedder alone",
                values: baselines.map((r) => r.chunks / r.stages.embed),
              },
            } satisfies Row,
          ]
        : []),
      {
        metric: "stack ingest through Nginx",
        unit: "doc/s",
        values: stackRuns.map((r) => docs / r.seconds),
        baseline: { name: "stage bound", values: bound },
      },
    ],
    note:
      (onnx
        ? "Goal with the local model: stack chunks/s ≥ 0.8 × the embedder's own (same chunks, same thread count). "
        : "Goal: stack ingest ≥ 0.8 × the stage bound. ") +
      "The bound is what one process doing the stages one after another, " +
      "with no HTTP, no object store and no waiting, would reach; a pipelined worker overlaps the stages across processes and may pass it.",
  };
  const loopTable: Table = {
    title: "The index function's event loop during the ingest",
    rows: [
      {
        metric: "event-loop delay p99",
        unit: "ms",
        values: stackRuns.map((r) => r.eventLoop.p99 * 1000),
        baseline: { name: "goal", values: [50] },
      },
      { metric: "event-loop delay, worst", unit: "ms", values: stackRuns.map((r) => r.eventLoop.max * 1000) },
    ],
    note: "`docstack_event_loop_delay_seconds` of the index function (monitorEventLoopDelay, 10 ms resolution, which the figures include), one window per run.",
  };
  const stageRows: Row[] = (["upload", ...workerStages] as Stage[]).map((stage) => {
    const row: Row = { metric: stage, unit: "s", values: stackRuns.map((r) => r.stages[stage]) };
    if (stage === "extract" || stage === "chunk" || stage === "embed")
      row.baseline = { name: `in-process ${stage}`, values: baselines.map((r) => r.stages[stage]) };
    return row;
  });
  // The worker's stages run one after another per document: their shares are of its busy time.
  // Uploads run 4 at a time, beside the worker, and finish long before it: reported apart.
  const workerTotal = (r: StackRun) => workerStages.reduce((a, s) => a + r.stages[s], 0);
  const shares = workerStages
    .map((s) => [s, median(stackRuns.map((r) => r.stages[s] / workerTotal(r)))] as const)
    .sort((x, y) => y[1] - x[1]);
  const stages: Table = {
    title: "Time by stage (seconds summed over documents; upload: over requests, 4 at a time)",
    rows: stageRows,
    note:
      "Stage timings from the index function's `docstack_index_stage_duration_seconds` (its /metrics, deltas per run) " +
      "and the upload function's `docstack_http_request_duration_seconds` for POST /documents. " +
      "Uploads run 4 at a time beside the worker (upload: request-seconds). fetch, extract, chunk: summed over documents, " +
      "which overlap (several in flight); embed: over embedding requests; upsert, sql: over write groups. " +
      `Share of the summed stage time (median): ${shares.map(([s, v]) => `${s} ${(v * 100).toFixed(1)} %`).join(", ")}.`,
  };
  const cpuNames = Object.keys(stackRuns[0]?.cpu ?? {}).sort(
    (a, b) => median(stackRuns.map((r) => r.cpu[b] ?? 0)) - median(stackRuns.map((r) => r.cpu[a] ?? 0)),
  );
  const cpuTable: Table = {
    title: "CPU seconds by process during each run (a process with its children)",
    rows: cpuNames
      .filter((n) => median(stackRuns.map((r) => r.cpu[n] ?? 0)) >= 0.5)
      .map((name) => ({
        metric: name,
        unit: "s",
        values: stackRuns.map((r) => r.cpu[name] ?? 0),
        baseline: { name: "run wall time", values: stackRuns.map((r) => r.seconds) },
      })),
    note:
      "utime + stime from /proc/<pid>/stat of each service and its descendants (PostgreSQL's backends, Nginx's workers); " +
      "ratio = CPU seconds per wall second (1.0 is one core busy all run; the machine has 2). " +
      "`bench (this process)` is the uploader; `other work on the machine` is everything else the kernel counted busy.",
  };
  const memory: Table = {
    title: "Peak RSS per function process under the ingest load",
    rows: Object.keys(idle).map((name) => ({
      metric: `${name} peak RSS`,
      unit: "MiB",
      values: stackRuns.map((r) => r.memory[name]?.peakMiB ?? Number.NaN),
      baseline: {
        name: "RSS when the run started",
        values: stackRuns.map((r) => r.memory[name]?.startMiB ?? Number.NaN),
      },
    })),
    note: "Sampled from /proc/<pid>/status (VmRSS) every 50 ms during each run; the index function hosts the worker.",
  };
  const bigRow: Row[] = [
    {
      metric: "upload function RSS growth during one 100 MB upload",
      unit: "MiB",
      values: big.map((b) => b.growthMiB),
      baseline: { name: `stream-buffer bound (${streamBufferBoundMiB} MiB)`, values: [streamBufferBoundMiB] },
    },
    { metric: "upload function RSS before it", unit: "MiB", values: big.map((b) => b.beforeMiB) },
    { metric: "100 MB upload time through Nginx", unit: "s", values: big.map((b) => b.seconds) },
  ];
  const slowest = shares[0];
  const cpuOf = (name: string) => median(stackRuns.map((r) => r.cpu[name] ?? 0));
  const findings = [
    `Slowest ingest stage: **${slowest?.[0]}**, ${((slowest?.[1] ?? 0) * 100).toFixed(0)} % of the worker's busy time (median over ${runs} run(s); stage timings above). ` +
      `Uploads were all accepted after ${median(stackRuns.map((r) => r.uploadSeconds)).toFixed(1)} s of ${median(stackRuns.map((r) => r.seconds)).toFixed(1)} s: the worker, not the upload path, sets the pace. ` +
      `CPU per run: Chroma ${cpuOf("chroma").toFixed(0)} s, the index function (worker) ${cpuOf("index").toFixed(0)} s, PostgreSQL ${cpuOf("postgres").toFixed(0)} s, MinIO ${cpuOf("minio").toFixed(0)} s.`,
  ];
  if (big.length > 0) {
    const worst = Math.max(...big.map((b) => b.growthMiB));
    const ok = worst <= 2 * streamBufferBoundMiB;
    findings.push(
      `100 MB uploads: the upload function's RSS grew ${big.map((b) => b.growthMiB.toFixed(1)).join(", ")} MiB (at most ${(worst / streamBufferBoundMiB).toFixed(2)} × the ${streamBufferBoundMiB} MiB stream-buffer bound: three 8 MiB MinIO parts; limit 2 × = ${2 * streamBufferBoundMiB} MiB: ${ok ? "met" : "NOT met"}).`,
    );
  }
  if (profile) findings.push(profileFinding(profile));
  return {
    ...(onnx ? { variant: "onnx" } : {}),
    settings: {
      documents: docs,
      "corpus MB": Number(mb.toFixed(1)),
      "corpus seed": spec.seed,
      runs,
      uploaders,
      "index workers": "1 (in the index function)",
      "EMBED_BATCH_SIZE / INDEX_BATCH / INDEX_CONCURRENCY / INDEX_INFLIGHT_MB": "64 / 8 / 8 / 256",
      embedder: onnx
        ? `onnx (${embedder.model}, ${embedder.dimension} dimensions, 1 thread)`
        : "builtin (lexical, 512 dimensions)",
    },
    tables: [
      throughput,
      boundTable,
      loopTable,
      ...(growth === undefined
        ? []
        : [
            {
              title: `As the collection grows (${growth.documents.toLocaleString("en")} documents into one collection)`,
              rows: [
                { metric: "documents/s, first tenth indexed", unit: "doc/s", values: [growth.firstTenth] },
                {
                  metric: "documents/s, last tenth indexed",
                  unit: "doc/s",
                  values: [growth.lastTenth],
                  baseline: { name: "first tenth", values: [growth.firstTenth] },
                },
                {
                  metric: "documents/s, whole corpus",
                  unit: "doc/s",
                  values: [growth.documents / growth.seconds],
                },
                { metric: "failed documents", unit: "", values: [growth.failed] },
              ],
              note: `Corpus seed ${growthSpec.seed}, ${(growthSpec.totalBytes / MB).toFixed(0)} MB of PDF, DOCX, HTML and text; uploaded with the index function stopped, then indexed by its worker; rates from the documents' indexed_at. Goal: last tenth ≥ 0.9 × first tenth.`,
            } satisfies Table,
          ]),
      stages,
      cpuTable,
      memory,
      {
        title: "Upload memory bound",
        rows: bigRow,
        note: "The RSS of the upload function sampled every 10 ms during each 100 MB upload (after a 10 MB warm-up), against what minio-js's multipart chunker may hold by design: the 8 MiB part on the wire, the next one assembled, and the pieces it was assembled from until the next GC.",
      },
    ],
    findings,
    detail: {
      corpus: byKind,
      baselines,
      stackRuns,
      growth,
      idle,
      big,
      profile,
    },
  };
}
