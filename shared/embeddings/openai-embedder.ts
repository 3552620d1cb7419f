import type { Embedder } from "./embedder.js";

export interface OpenAiEmbedderOptions {
  /** Base URL up to and including /v1, e.g. http://ollama:11434/v1 */
  url: string;
  apiKey?: string;
  model: string;
  dimension: number;
  batchSize: number;
  timeoutMs: number;
}

interface EmbeddingsResponse {
  data: { index: number; embedding: number[] }[];
}

/** Any server speaking OpenAI's POST /v1/embeddings: OpenAI, Ollama, vLLM, TEI, LocalAI. */
export class OpenAiEmbedder implements Embedder {
  readonly kind = "openai";
  readonly model: string;
  readonly dimension: number;

  constructor(private readonly options: OpenAiEmbedderOptions) {
    this.model = options.model;
    this.dimension = options.dimension;
  }

  private async request(input: readonly string[]): Promise<number[][]> {
    const response = await fetch(`${this.options.url.replace(/\/$/, "")}/embeddings`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        ...(this.options.apiKey ? { authorization: `Bearer ${this.options.apiKey}` } : {}),
      },
      body: JSON.stringify({ model: this.model, input }),
      signal: AbortSignal.timeout(this.options.timeoutMs),
    });
    if (!response.ok) {
      throw new Error(
        `embeddings server answered ${response.status}: ${(await response.text()).slice(0, 200)}`,
      );
    }
    const body = (await response.json()) as EmbeddingsResponse;
    const vectors = [...body.data].sort((a, b) => a.index - b.index).map((d) => d.embedding);
    if (vectors.length !== input.length)
      throw new Error(`asked for ${input.length} embeddings, got ${vectors.length}`);
    for (const v of vectors) {
      if (v.length !== this.dimension) {
        throw new Error(`model ${this.model} returned dimension ${v.length}, configured ${this.dimension}`);
      }
    }
    return vectors;
  }

  async embed(texts: readonly string[]): Promise<number[][]> {
    const out: number[][] = [];
    for (let i = 0; i < texts.length; i += this.options.batchSize) {
      out.push(...(await this.request(texts.slice(i, i + this.options.batchSize))));
    }
    return out;
  }

  async ping(): Promise<void> {
    await this.request(["ping"]);
  }
}
