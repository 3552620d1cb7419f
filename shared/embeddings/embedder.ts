/** Turns texts into vectors. Each collection records the model and dimension it was built with. */
export interface Embedder {
  readonly kind: "builtin" | "openai" | "onnx";
  readonly model: string;
  readonly dimension: number;
  /** One vector per text, in order. Callers batch; adapters may split further. */
  embed(texts: readonly string[]): Promise<number[][]>;
  ping(): Promise<void>;
}
