import { type RerankApi, rerankRequestBody, scoresFromAnswer } from "./rerank-api.js";
import type { Reranker } from "./reranker.js";

export interface RemoteRerankerOptions {
  api: RerankApi;
  /** The endpoint, path included: http://tei:8080/rerank, …/v2/rerank. */
  url: string;
  apiKey?: string;
  /** Sent to Cohere and Jina; TEI serves the one model it was started with. */
  model?: string;
  /** Each request's time limit (the batches of one query run at once, so also the query's). */
  timeoutMs: number;
  /** Passages per request. */
  batchSize: number;
}

/** An answer other than 2xx. */
export class RerankHttpError extends Error {
  constructor(
    readonly status: number,
    detail: string,
  ) {
    super(`rerank API answered ${status}: ${detail}`);
    this.name = "RerankHttpError";
  }
}

/**
 * A rerank server over HTTP: text-embeddings-inference, Cohere or Jina (rerank-api.ts has
 * their shapes). A query's passages go in batches of `batchSize`, all at once, and each request
 * is abandoned at `timeoutMs`. A request that got no answer at all is sent once more within
 * that time; nothing else is retried: a query waits for this, and its fallback (the fused order)
 * is better than a late answer.
 */
export class RemoteReranker implements Reranker {
  readonly kind: RerankApi;
  readonly model: string;

  constructor(private readonly options: RemoteRerankerOptions) {
    this.kind = options.api;
    this.model = options.model ?? options.url;
  }

  private async send(query: string, passages: readonly string[]): Promise<number[]> {
    const { api, url, apiKey, model, timeoutMs } = this.options;
    const signal = AbortSignal.timeout(timeoutMs);
    const post = () =>
      fetch(url, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          ...(apiKey ? { authorization: `Bearer ${apiKey}` } : {}),
        },
        body: JSON.stringify(rerankRequestBody(api, model, query, passages)),
        signal,
      });
    let response: Response;
    try {
      response = await post();
    } catch (error) {
      // No answer at all: most often a kept-alive connection the server closed as it was
      // reused. Scoring is safe to ask twice; the second try shares the first's time limit.
      if (signal.aborted || !(error instanceof TypeError)) throw error;
      response = await post();
    }
    if (!response.ok) throw new RerankHttpError(response.status, (await response.text()).slice(0, 200));
    return scoresFromAnswer(api, await response.json(), passages.length);
  }

  async score(query: string, passages: readonly string[]): Promise<number[]> {
    const batches: (readonly string[])[] = [];
    for (let i = 0; i < passages.length; i += this.options.batchSize)
      batches.push(passages.slice(i, i + this.options.batchSize));
    return (await Promise.all(batches.map((batch) => this.send(query, batch)))).flat();
  }
}
