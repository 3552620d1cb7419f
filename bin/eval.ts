import { mkdir, writeFile } from "node:fs/promises";
import { cpus, hostname, totalmem } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { loadBeirDataset } from "../shared/eval/beir-dataset.js";
import type { EvalReport, ModeScore } from "../shared/eval/eval-report.js";
import { markdownTable } from "../shared/eval/eval-report.js";
import { type Chunking, ingestCorpus } from "../shared/eval/ingest-corpus.js";
import { meanScores } from "../shared/eval/metrics.js";
import { runQueries } from "../shared/eval/run-queries.js";
import type { SearchMode } from "../shared/retrieval/search.js";
import { type EvalTarget, embeddedTarget, urlTarget } from "./eval-target.js";

const usage = `usage: npm run eval -- --dataset <dir> --split train|test [options]
  --modes keyword,vector,hybrid   modes to measure (default all three)
  --limit-queries N               only the first N queries of the split
  --chunking whole|default        one chunk per document (default) or Docstack's adaptive chunks
  --data-dir DIR                  embedded data directory, kept between runs (default .data/eval)
  --url URL [--api-key KEY]       evaluate a running Docstack (e.g. the local stack's Nginx) instead
  --collection NAME               collection to (re)use (default eval-<dataset>-<chunking>-<corpus hash>)
  --machine LABEL                 machine description for the report
  --out DIR                       where the JSON goes (default bench/results)`;

const { values } = parseArgs({
  options: {
    dataset: { type: "string" },
    split: { type: "string" },
    modes: { type: "string", default: "keyword,vector,hybrid" },
    "limit-queries": { type: "string" },
    chunking: { type: "string", default: "whole" },
    "data-dir": { type: "string", default: ".data/eval" },
    url: { type: "string" },
    "api-key": { type: "string" },
    collection: { type: "string" },
    machine: { type: "string" },
    out: { type: "string", default: "bench/results" },
    concurrency: { type: "string", default: "4" },
    help: { type: "boolean", default: false },
  },
});

const modes = (values.modes ?? "").split(",").map((m) => m.trim()) as SearchMode[];
if (
  values.help ||
  values.dataset === undefined ||
  values.split === undefined ||
  !/^[\w-]+$/.test(values.split) ||
  !modes.every((m) => ["keyword", "vector", "hybrid"].includes(m)) ||
  !["whole", "default"].includes(values.chunking ?? "")
) {
  console.error(usage);
  process.exit(2);
}
const chunking = values.chunking as Chunking;
const log = (line: string) => console.error(`[eval] ${line}`);

const dataset = await loadBeirDataset(resolve(values.dataset), values.split);
const limit = values["limit-queries"] === undefined ? undefined : Number(values["limit-queries"]);
const queries = limit === undefined ? dataset.queries : dataset.queries.slice(0, limit);
const qrels = new Map(queries.map((q) => [q.id, dataset.qrels.get(q.id) ?? new Map<string, number>()]));
log(`${dataset.name}/${values.split}: ${dataset.corpus.length} documents, ${queries.length} queries`);

const target: EvalTarget =
  values.url === undefined
    ? await embeddedTarget(resolve(values["data-dir"] ?? ".data/eval"))
    : urlTarget(values.url, values["api-key"]);
try {
  const name = values.collection ?? `eval-${dataset.name}-${chunking}-${dataset.corpusHash}`;
  const ingest = await ingestCorpus(target.send, dataset, {
    name,
    chunking,
    concurrency: Number(values.concurrency),
    log,
  });
  if (!ingest.reused) {
    log(
      `uploaded ${ingest.uploaded} in ${ingest.upload_seconds.toFixed(1)} s, indexed in ${ingest.index_seconds.toFixed(1)} s`,
    );
  }

  // Recall@100 needs 100 documents: with one chunk per document, 100 passages are 100 documents.
  const topK = 100;
  const scores: ModeScore[] = [];
  for (const mode of modes) {
    const run = await runQueries(target.send, ingest.collection.id, queries, { mode, topK, log });
    const mean = meanScores(run.runs, qrels, { ndcgK: 10, recallK: 100 });
    scores.push({
      mode,
      ndcg_at_10: mean.ndcg,
      recall_at_100: mean.recall,
      queries: mean.queries,
      took_ms: run.took_ms,
      seconds: run.seconds,
    });
    log(
      `${mode}: nDCG@10 ${mean.ndcg.toFixed(4)}, Recall@100 ${mean.recall.toFixed(4)} (${run.seconds.toFixed(0)} s)`,
    );
  }

  const date = new Date().toISOString().slice(0, 10);
  const report: EvalReport = {
    dataset: dataset.name,
    split: values.split,
    date,
    machine: values.machine ?? `${hostname()} ${cpus().length} cores ${Math.round(totalmem() / 2 ** 30)} GiB`,
    embedder: ingest.collection.embedding_model,
    target: target.describe,
    chunking,
    collection: name,
    top_k: topK,
    corpus: {
      documents: ingest.documents,
      chunks: ingest.chunks,
      reused_index: ingest.reused,
      upload_seconds: ingest.upload_seconds,
      index_seconds: ingest.index_seconds,
    },
    modes: scores,
  };
  const out = resolve(values.out ?? "bench/results");
  await mkdir(out, { recursive: true });
  const file = join(out, `eval-${values.split}-${date}.json`);
  await writeFile(file, `${JSON.stringify(report, null, 2)}\n`);
  console.log(markdownTable(report));
  log(`wrote ${file}`);
} finally {
  await target.close();
}
