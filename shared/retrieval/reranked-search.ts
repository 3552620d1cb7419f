import { rerankOutcomes } from "../metrics/registry.js";
import { fallbackReason, type RerankFallbackReason } from "../rerank/rerank-outcome.js";
import { rerankCandidates } from "../rerank/rerank-stage.js";
import type { RerankPlan, SearchAnswer, SearchDeps, SearchRequest, SearchResult } from "./search.js";
import { timed } from "./timed-step.js";

/**
 * The best `depth` candidates of the search (hybrid: fused from as many as that depth asks of
 * each side) reordered by the reranker, cut to top k. A reranker that fails, is too slow or is
 * switched off by its breaker leaves the fused order, and the answer says why.
 */
export async function rerankedSearch(
  deps: SearchDeps,
  req: SearchRequest,
  plan: RerankPlan,
  rankedSearch: (req: SearchRequest) => Promise<SearchResult[]>,
): Promise<SearchAnswer> {
  const reranker = deps.reranker;
  if (reranker === undefined) {
    // A collection's default asks for a reranker this server lacks: no deeper search for nothing.
    rerankOutcomes({ outcome: "not-configured" });
    return {
      results: await rankedSearch(req),
      rerank: { status: "fallback", reason: "not-configured" },
    };
  }
  const candidates = await rankedSearch({ ...req, topK: Math.max(req.topK, plan.depth) });
  const fused = (reason: RerankFallbackReason): SearchAnswer => {
    rerankOutcomes({ outcome: reason });
    return { results: candidates.slice(0, req.topK), rerank: { status: "fallback", reason } };
  };
  try {
    const results = await timed("rerank", () =>
      rerankCandidates(reranker, req.query, candidates, { topK: req.topK, maxChars: plan.maxChars }),
    );
    rerankOutcomes({ outcome: "applied" });
    return { results, rerank: { status: "applied" } };
  } catch (error) {
    const reason = fallbackReason(error);
    // An open breaker has been logged failing already; each query it refuses says so in its header.
    if (reason !== "circuit-open")
      deps.log?.warn("reranking failed: answering in fused order", { reason, error });
    return fused(reason);
  }
}
