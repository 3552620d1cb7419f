import { loadavg } from "node:os";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { BertTokenizer } from "../shared/embeddings/bert-tokenizer.js";
import { OnnxEmbedder } from "../shared/embeddings/onnx-embedder.js";
import { readOnnxModelDir } from "../shared/embeddings/onnx-model-dir.js";

/**
 * `npx tsx bench/onnx-embedder.ts [batch] [max-batch-tokens] [threads] [model-dir]`: load time,
 * then wall and CPU ms per ~200-token abstract at batch 1 and in calls of `batch` texts (default
 * 32; forward passes capped at max-batch-tokens, default none), ms per 8-word query one at a
 * time, with EMBEDDER_THREADS-style threads (default 1), RSS growth and the event
 * loop's worst stall while batches run. One batch size per process, so RSS is its own. Figures
 * in docs/onnx-embedder.md. Small on purpose (~100 texts): these machines are shared, and CPU
 * time is the figure other load disturbs least.
 */
const batch = Number(process.argv[2] ?? 32);
const maxBatchTokens = Number(process.argv[3] ?? Number.POSITIVE_INFINITY);
const threads = Number(process.argv[4] ?? 1);
const dir = process.argv[5] ?? ".models/all-minilm-l6-v2";

const sentences = [
  "We study the folding kinetics of small globular proteins with coarse-grained molecular dynamics.",
  "Replica-exchange sampling and a knowledge-based potential reproduce experimental melting temperatures.",
  "Urban heat islands raise night-time temperatures by up to four degrees in dense city centres.",
  "A randomised trial of 1,204 adults found that the intervention reduced systolic blood pressure.",
  "The proposed scheduler cuts tail latency of key-value stores under bursty, skewed workloads.",
  "Sediment cores from the eastern basin record three centuries of changing river discharge.",
  "Our transformer model is pre-trained on legal contracts and fine-tuned for clause classification.",
  "Household survey data show that mobile money adoption raised rural savings in the region.",
  "Measurements of the muon anomalous magnetic moment are compared with lattice predictions.",
  "We release a benchmark of 40,000 annotated questions over municipal planning documents.",
  "Results suggest that soil microbial diversity buffers crop yields against drought stress.",
  "The method generalises to unseen languages without parallel data, at a fraction of the cost.",
];
/** Deterministic abstracts of eleven sentences, ~200 tokens each. */
const abstract = (i: number) =>
  Array.from({ length: 11 }, (_, k) => sentences[(i * 7 + k * 5) % sentences.length]).join(" ");

const mb = (bytes: number) => (bytes / 2 ** 20).toFixed(0);
const files = await readOnnxModelDir(dir);
const tokenizer = await BertTokenizer.create(files.tokenizerJson, files.tokenizerConfig, files.maxTokens);
const texts = Array.from({ length: 64 }, (_, i) => abstract(i));
const tokens = texts.map((t) => tokenizer.encode(t).length);

const rss0 = process.memoryUsage().rss;
const t = performance.now();
const embedder = await OnnxEmbedder.load({ dir, threads, batchSize: batch, maxBatchTokens });
const loadMs = performance.now() - t;
const rssLoaded = process.memoryUsage().rss;

/** Wall and CPU (all threads of the process) milliseconds per text, `count` texts in calls of `size`. */
async function perText(size: number, count: number): Promise<{ wall: number; cpu: number }> {
  const wall = performance.now();
  const cpu = process.cpuUsage();
  for (let i = 0; i < count; i += size)
    await embedder.embed(texts.slice(i % 64, (i % 64) + size), "document");
  const used = process.cpuUsage(cpu);
  return {
    wall: +((performance.now() - wall) / count).toFixed(1),
    cpu: +((used.user + used.system) / 1000 / count).toFixed(1),
  };
}
const queries = sentences.map((q) => q.split(" ").slice(0, 8).join(" "));
const queryStart = performance.now();
for (const q of [...queries, ...queries]) await embedder.embed([q], "query");
const queryMs = +((performance.now() - queryStart) / (2 * queries.length)).toFixed(1);
const single = await perText(1, 16);
const lag = monitorEventLoopDelay({ resolution: 5 });
lag.enable();
const batched = await perText(batch, 64);
lag.disable();
const rssAfter = process.memoryUsage().rss;
await embedder.close();

console.log(
  JSON.stringify({
    model: embedder.model,
    threads: threads || "onnxruntime default",
    max_batch_tokens: maxBatchTokens,
    tokens_per_text: {
      mean: Math.round(tokens.reduce((a, b) => a + b, 0) / tokens.length),
      max: Math.max(...tokens),
    },
    load_ms: Math.round(loadMs),
    ms_per_text: { batch_1: single, [`batch_${batch}`]: batched },
    ms_per_8_word_query: queryMs,
    rss_mb: { before: +mb(rss0), after_load: +mb(rssLoaded), after_runs: +mb(rssAfter) },
    event_loop_max_stall_ms_during_batches: +(lag.max / 1e6).toFixed(1),
    load_average: loadavg().map((x) => +x.toFixed(2)),
  }),
);
