/**
 * `npm run bench -- rerank-overhead`: what reranking costs a query on Docstack's side. The
 * embedded default (`npm start`) on SciFact with RERANKER=tei pointed at a local stand-in for a
 * rerank server that answers at once (no cross-encoder can run here: docs/reranking.md), with
 * RERANK_DEFAULT=false and =true on the same data, alternated (off, on, off, on) so drift falls
 * on both; hybrid queries, top_k 10, at 1 and 50 closed-loop clients, each test question once per
 * cell. "On" pays for the deeper candidate lists (RERANK_DEPTH 50 against top_k 10), the passages'
 * text, one HTTP round trip and the merge; the model's own time is the rerank server's and is not
 * in these figures.
 */
import { startRerankStub, wordOverlap } from "../tests/support/rerank-stub.js";
import { type AlternatedPlan, alternatedResult, p50Ratio, runAlternated } from "./lib/alternated-embedded.js";
import type { BenchOptions, BenchResult } from "./lib/bench.js";

export async function runRerankOverhead(options: BenchOptions): Promise<BenchResult> {
  const stub = await startRerankStub({ api: "tei", score: wordOverlap });
  const plan: AlternatedPlan = {
    name: "rerank",
    env: (setting) => ({
      RERANKER: "tei",
      RERANK_URL: stub.url,
      RERANK_DEFAULT: setting === "on" ? "true" : "false",
    }),
    modes: ["hybrid"],
    clientCounts: [1, 50],
    rounds: 2,
    topK: 10,
    quick: options.quick,
    observe: (setting) => {
      const before = stub.arrivals.length;
      return () => {
        const calls = stub.arrivals.length - before;
        if ((setting === "on") !== calls > 0)
          throw new Error(`RERANK_DEFAULT=${setting === "on"} but ${calls} rerank calls were made`);
        return `, ${calls} rerank calls`;
      };
    },
  };
  try {
    const run = await runAlternated(plan);
    return alternatedResult(plan, run, {
      title: "npm start on SciFact, POST /query hybrid: latency with reranking, against the fused order only",
      labels: { on: "reranked", off: "fused order only" },
      settings: { reranker: "tei shape, local stand-in answering at once (word overlap), RERANK_DEPTH 50" },
      findings: plan.clientCounts.map(
        (clients) =>
          `hybrid × ${clients}: p50 with reranking ×${p50Ratio(run.cells, "hybrid", clients).toFixed(3)} of without, the rerank server answering at once.`,
      ),
    });
  } finally {
    await stub.close();
  }
}
