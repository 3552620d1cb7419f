/**
 * What a text is embedded for. Some models are trained to embed a search query differently from
 * the passages it should find (bge prepends an instruction to queries only), so every caller
 * says which: the query path passes "query", indexing passes "document".
 */
export type EmbedPurpose = "query" | "document";

/** Turns texts into vectors. Each collection records the model and dimension it was built with. */
export interface Embedder {
  readonly kind: "builtin" | "openai" | "onnx";
  readonly model: string;
  readonly dimension: number;
  /** One vector per text, in order. Callers batch; adapters may split further. */
  embed(texts: readonly string[], purpose: EmbedPurpose): Promise<number[][]>;
  ping(): Promise<void>;
}
