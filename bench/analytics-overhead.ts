/**
 * `npm run bench -- analytics-overhead`: what recording retrieval analytics costs a query. The
 * embedded default (`npm start`: one process, PGlite, the built-in embedder) on SciFact, with
 * ANALYTICS=on and =off on the same data, alternated (off, on, off, on) so drift falls on both;
 * keyword and hybrid queries, top_k 10, at 1 and 50 closed-loop clients, each test question once
 * per cell. The collection keeps hashed query texts, so the HMAC is in the measured work. The
 * embedded default is the worst case: the events' inserts share PGlite's one connection with the
 * queries, where on the stack they go through PgBouncer to a server.
 */
import { type AlternatedPlan, alternatedResult, p50Ratio, runAlternated } from "./lib/alternated-embedded.js";
import type { BenchOptions, BenchResult } from "./lib/bench.js";

export async function runAnalyticsOverhead(options: BenchOptions): Promise<BenchResult> {
  const plan: AlternatedPlan = {
    name: "analytics",
    env: (setting) => ({ ANALYTICS: setting }),
    modes: ["keyword", "hybrid"],
    clientCounts: [1, 50],
    rounds: 2,
    topK: 10,
    analyticsText: "hashed",
    quick: options.quick,
  };
  const run = await runAlternated(plan);
  const findings = plan.clientCounts.flatMap((clients) =>
    plan.modes.map((mode) => {
      const ratio = p50Ratio(run.cells, mode, clients);
      return `${mode} × ${clients}: p50 with analytics ×${ratio.toFixed(3)} of without (goal ≤ ×1.05): ${ratio <= 1.05 ? "met" : "not met"}.`;
    }),
  );
  return alternatedResult(plan, run, {
    title:
      "npm start on SciFact, POST /query: latency with analytics recording on, against off (same data, alternated)",
    labels: { on: "analytics on", off: "analytics off" },
    settings: { analytics_text: "hashed" },
    findings,
  });
}
