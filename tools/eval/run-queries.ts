import type { SearchMode } from "../../shared/retrieval/search.js";
import type { BeirDataset } from "./beir-dataset.js";
import { expectJson, jsonInit, type Send, sendRetrying } from "./eval-client.js";
import { corpusIdOf } from "./ingest-corpus.js";
import { firstPerDocument } from "./metrics.js";

export interface ModeRun {
  mode: SearchMode;
  /** Query id -> corpus ids, best first, one entry per document. */
  runs: Map<string, string[]>;
  /** Query id -> each of those documents' score in this mode, in the same order. */
  scores: Map<string, number[]>;
  /** Median and 95th percentile of the query route's own `took_ms`. */
  took_ms: { p50: number; p95: number };
  seconds: number;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
}

/**
 * Asks POST /query every question in one mode. Results are passages (chunks); several of one
 * document collapse to the document's best rank.
 */
export async function runQueries(
  send: Send,
  collectionId: string,
  queries: BeirDataset["queries"],
  options: { mode: SearchMode; topK: number; log: (line: string) => void },
): Promise<ModeRun> {
  const started = performance.now();
  const runs = new Map<string, string[]>();
  const scores = new Map<string, number[]>();
  const took: number[] = [];
  for (const [i, q] of queries.entries()) {
    const body = await expectJson<{ results: { filename: string; score: number }[]; took_ms: number }>(
      await sendRetrying(send, "/query", () =>
        jsonInit("POST", {
          collection_id: collectionId,
          query: q.text,
          mode: options.mode,
          top_k: options.topK,
        }),
      ),
      `query ${q.id}`,
    );
    const documents = firstPerDocument(
      body.results.map((r) => ({ id: corpusIdOf(r.filename), score: r.score })),
    );
    runs.set(q.id, documents.ids);
    scores.set(q.id, documents.scores);
    took.push(body.took_ms);
    if ((i + 1) % 100 === 0) options.log(`${options.mode}: ${i + 1}/${queries.length} queries`);
  }
  took.sort((a, b) => a - b);
  return {
    mode: options.mode,
    runs,
    scores,
    took_ms: { p50: percentile(took, 0.5), p95: percentile(took, 0.95) },
    seconds: (performance.now() - started) / 1000,
  };
}
