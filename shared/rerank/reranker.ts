/**
 * Scores how well each passage answers a query, reading both together (a cross-encoder), which
 * ranks better than comparing their embeddings but costs a model pass per passage: it reorders a
 * query's best few fused candidates, never a whole collection.
 */
export interface Reranker {
  /** The API the adapter speaks. */
  readonly kind: "tei" | "cohere" | "jina";
  /** What scored: the model name, or the endpoint of a server that serves one model (TEI). */
  readonly model: string;
  /** One score per passage, in their order; higher is more relevant. Scales differ between models. */
  score(query: string, passages: readonly string[]): Promise<number[]>;
}
