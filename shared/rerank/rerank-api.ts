import type { Reranker } from "./reranker.js";

export type RerankApi = Reranker["kind"];

/**
 * The body of one POST to a rerank endpoint. Every passage is asked for (top_n), since the
 * caller keeps its own cut; nothing is asked back but indices and scores.
 * - text-embeddings-inference: {query, texts, raw_scores, truncate} (scores through a sigmoid,
 *   0 to 1; passages past the model's context cut by the server rather than refused).
 * - Cohere (v2) and Jina: {model, query, documents, top_n}; Jina echoes each document unless
 *   told not to.
 */
export function rerankRequestBody(
  api: RerankApi,
  model: string | undefined,
  query: string,
  passages: readonly string[],
): Record<string, unknown> {
  if (api === "tei") return { query, texts: passages, raw_scores: false, truncate: true };
  const body: Record<string, unknown> = { model, query, documents: passages, top_n: passages.length };
  if (api === "jina") body.return_documents = false;
  return body;
}

/** An answer that is not a score for each passage sent. */
export class RerankAnswerError extends Error {
  constructor(detail: string) {
    super(`rerank API answered unexpectedly: ${detail}`);
    this.name = "RerankAnswerError";
  }
}

/** TEI answers a bare list; Cohere and Jina a `results` list. */
function entries(api: RerankApi, body: unknown): unknown[] {
  const list = api === "tei" ? body : (body as { results?: unknown } | null)?.results;
  if (!Array.isArray(list)) throw new RerankAnswerError(api === "tei" ? "not a list" : "no results list");
  return list;
}

/**
 * The scores of an answer in the order the passages were sent. Each passage must be scored
 * exactly once, with a finite number: an answer that leaves one out would otherwise drop it
 * from the results, or rank it by chance.
 */
export function scoresFromAnswer(api: RerankApi, body: unknown, count: number): number[] {
  const field = api === "tei" ? "score" : "relevance_score";
  const scores: (number | undefined)[] = Array.from({ length: count });
  for (const entry of entries(api, body)) {
    const { index, [field]: score } = (entry ?? {}) as Record<string, unknown>;
    if (typeof index !== "number" || !Number.isInteger(index) || index < 0 || index >= count)
      throw new RerankAnswerError(`index ${JSON.stringify(index)} is not one of the ${count} passages sent`);
    if (typeof score !== "number" || !Number.isFinite(score))
      throw new RerankAnswerError(`passage ${index} has no numeric ${field}`);
    if (scores[index] !== undefined) throw new RerankAnswerError(`passage ${index} is scored twice`);
    scores[index] = score;
  }
  const missing = scores.indexOf(undefined);
  if (missing !== -1) throw new RerankAnswerError(`passage ${missing} is not scored`);
  return scores as number[];
}
