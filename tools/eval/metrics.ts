/**
 * Ranking metrics as BEIR reports them (pytrec_eval, i.e. trec_eval's `ndcg_cut` and `recall`),
 * so Docstack's figures compare with published ones:
 * - gain is the judged relevance itself (linear, not 2^rel - 1), discount log2(rank + 1);
 * - the ideal DCG is built from the query's judged relevances, best first, cut at k;
 * - Recall@k counts judged-relevant documents (relevance > 0) in the top k over all of them;
 * - a query's figure is computed per query, then averaged over the queries that have judgements
 *   (a judged query with no answer counts as 0; an unjudged query is not counted).
 */

/** Judged relevance per document id, for one query. */
export type Judgements = ReadonlyMap<string, number>;

export function ndcgAtK(ranked: readonly string[], judged: Judgements, k: number): number {
  const ideal = [...judged.values()]
    .filter((rel) => rel > 0)
    .sort((a, b) => b - a)
    .slice(0, k);
  const idcg = ideal.reduce((sum, rel, i) => sum + rel / Math.log2(i + 2), 0);
  if (idcg === 0) return 0;
  const dcg = ranked.slice(0, k).reduce((sum, id, i) => sum + (judged.get(id) ?? 0) / Math.log2(i + 2), 0);
  return dcg / idcg;
}

export function recallAtK(ranked: readonly string[], judged: Judgements, k: number): number {
  const relevant = [...judged].filter(([, rel]) => rel > 0).map(([id]) => id);
  if (relevant.length === 0) return 0;
  const top = new Set(ranked.slice(0, k));
  return relevant.filter((id) => top.has(id)).length / relevant.length;
}

export interface MeanScores {
  ndcg: number;
  recall: number;
  /** Queries averaged over: those with at least one relevant judgement. */
  queries: number;
}

/**
 * Mean nDCG@ndcgK and Recall@recallK over the judged queries. `runs` maps a query id to its
 * ranked document ids; a judged query missing from it scores 0 on both.
 */
export function meanScores(
  runs: ReadonlyMap<string, readonly string[]>,
  qrels: ReadonlyMap<string, Judgements>,
  { ndcgK = 10, recallK = 100 } = {},
): MeanScores {
  let ndcg = 0;
  let recall = 0;
  let queries = 0;
  for (const [queryId, judged] of qrels) {
    if (![...judged.values()].some((rel) => rel > 0)) continue;
    const ranked = runs.get(queryId) ?? [];
    ndcg += ndcgAtK(ranked, judged, ndcgK);
    recall += recallAtK(ranked, judged, recallK);
    queries++;
  }
  return queries === 0
    ? { ndcg: 0, recall: 0, queries }
    : { ndcg: ndcg / queries, recall: recall / queries, queries };
}

/**
 * Chunk hits to documents: the first (best) hit of each document keeps its rank and its score,
 * later ones go.
 */
export function firstPerDocument(hits: readonly { id: string; score: number }[]): {
  ids: string[];
  scores: number[];
} {
  const seen = new Map<string, number>();
  for (const h of hits) if (!seen.has(h.id)) seen.set(h.id, h.score);
  return { ids: [...seen.keys()], scores: [...seen.values()] };
}
