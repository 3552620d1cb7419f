import { cpus, hostname, totalmem } from "node:os";
import type { SearchMode } from "../../shared/retrieval/search.js";
import type { BeirDataset } from "./beir-dataset.js";
import type { EvalReport, ModeScore } from "./eval-report.js";
import type { EvalTarget } from "./eval-target.js";
import { describeFusion, type ScoredRuns, scoreFusionGrid } from "./fusion-grid.js";
import { type Chunking, ingestCorpus } from "./ingest-corpus.js";
import { meanScores } from "./metrics.js";
import { runQueries } from "./run-queries.js";

export interface EvaluateOptions {
  split: string;
  modes: readonly SearchMode[];
  chunking: Chunking;
  /** Collection to (re)use; default eval-<dataset>-<chunking>-<corpus hash>. */
  collection?: string;
  /** Only the first N queries of the split. */
  limitQueries?: number;
  /** Also score the fusions offline over the keyword and vector runs (both must be in `modes`). */
  fusionGrid?: boolean;
  concurrency?: number;
  machine?: string;
  log?: (line: string) => void;
}

/**
 * One evaluation through the public routes: index the corpus (or reuse a collection that holds
 * it all), ask every query of the split in each mode with top_k 100, and score nDCG@10 and
 * Recall@100. `npm run eval` and the CI model suite both run this.
 */
export async function evaluate(
  target: Pick<EvalTarget, "send" | "describe" | "fusionOf">,
  dataset: BeirDataset,
  options: EvaluateOptions,
): Promise<EvalReport> {
  const log = options.log ?? (() => {});
  const queries =
    options.limitQueries === undefined ? dataset.queries : dataset.queries.slice(0, options.limitQueries);
  const qrels = new Map(queries.map((q) => [q.id, dataset.qrels.get(q.id) ?? new Map<string, number>()]));
  log(`${dataset.name}/${options.split}: ${dataset.corpus.length} documents, ${queries.length} queries`);

  const name = options.collection ?? `eval-${dataset.name}-${options.chunking}-${dataset.corpusHash}`;
  const ingest = await ingestCorpus(target.send, dataset, {
    name,
    chunking: options.chunking,
    concurrency: options.concurrency ?? 4,
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
  const runsByMode = new Map<SearchMode, ScoredRuns>();
  for (const mode of options.modes) {
    const run = await runQueries(target.send, ingest.collection.id, queries, { mode, topK, log });
    runsByMode.set(mode, run);
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

  const keyword = runsByMode.get("keyword");
  const vector = runsByMode.get("vector");
  const fusionGrid =
    options.fusionGrid && keyword !== undefined && vector !== undefined
      ? scoreFusionGrid(keyword, vector, qrels)
      : undefined;
  for (const p of fusionGrid?.slice(0, 10) ?? []) {
    log(
      `fusion ${p.method === "rrf" ? `RRF k ${p.k}` : "convex"}, vector weight ${p.vector_weight}: nDCG@10 ${p.ndcg_at_10.toFixed(4)}, Recall@100 ${p.recall_at_100.toFixed(4)}`,
    );
  }

  return {
    dataset: dataset.name,
    split: options.split,
    date: new Date().toISOString().slice(0, 10),
    machine:
      options.machine ?? `${hostname()} ${cpus().length} cores ${Math.round(totalmem() / 2 ** 30)} GiB`,
    embedder: ingest.collection.embedding_model,
    target: target.describe,
    chunking: options.chunking,
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
    ...(target.fusionOf === undefined
      ? {}
      : { fusion: describeFusion(target.fusionOf(ingest.collection.embedding_model)) }),
    ...(fusionGrid === undefined ? {} : { fusion_grid: fusionGrid }),
  };
}
