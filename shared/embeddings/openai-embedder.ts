import pLimit, { type LimitFunction } from "p-limit";
import { embedderRetries, embedderThrottled } from "../metrics/registry.js";
import type { Embedder, EmbedPurpose } from "./embedder.js";
import { backoffMs, retryAfterMs } from "./retry-after.js";
import { TokenBudget } from "./token-budget.js";

export interface OpenAiEmbedderOptions {
  /** Base URL up to and including /v1, e.g. http://ollama:11434/v1 */
  url: string;
  apiKey?: string;
  model: string;
  dimension: number;
  batchSize: number;
  /** Each request's time limit. */
  timeoutMs: number;
  /** Requests in flight at once from this process. */
  concurrency: number;
  /** Input tokens per minute this process may send; 0: no budget. */
  tokensPerMinute: number;
  /** Tries after the first for one batch that met a 429, a 5xx or a network error. */
  retries: number;
  /** The budget's window (tests shorten it; providers count per minute). */
  budgetWindowMs?: number;
  /** First backoff step; doubles per retry, with full jitter. */
  backoffBaseMs?: number;
}

interface EmbeddingsResponse {
  data: { index: number; embedding: number[] }[];
  usage?: { prompt_tokens?: number };
}

/** A server asking for longer than this is treated as down for now: the batch fails (and the
 * index worker defers its document) rather than holding a claim for an hour. */
const longestRetryAfterMs = 60_000;
const longestBackoffMs = 30_000;

/** An answer other than 2xx; `retryAfterMs` from its Retry-After header. */
export class EmbeddingsHttpError extends Error {
  constructor(
    readonly status: number,
    detail: string,
    readonly retryAfterMs: number | undefined,
  ) {
    super(`embeddings server answered ${status}: ${detail}`);
    this.name = "EmbeddingsHttpError";
  }
}

/** No answer at all: refused, reset, DNS. A timeout is not one of these (see retryReason). */
class EmbeddingsNetworkError extends Error {
  constructor(cause: unknown) {
    super(`embeddings server unreachable: ${(cause as Error).message}`, { cause });
    this.name = "EmbeddingsNetworkError";
  }
}

type RetryReason = "throttled" | "server" | "network";

/**
 * 429 and overload answers are worth a second try, as is a connection that failed. A request
 * that timed out is not: the server is hung or the batch too slow for it, and the circuit
 * breaker, not a retry loop, is what should hear of it.
 */
function retryReason(error: unknown): RetryReason | undefined {
  if (error instanceof EmbeddingsNetworkError) return "network";
  if (!(error instanceof EmbeddingsHttpError)) return undefined;
  if (error.status === 429) return "throttled";
  if (error.status === 408 || (error.status >= 500 && error.status !== 501)) return "server";
  return undefined;
}

/** What providers' tokenizers make of text, roughly: about 4 bytes of UTF-8 per token. */
const encoder = new TextEncoder();
export function estimateTokens(texts: readonly string[]): number {
  return texts.reduce((sum, t) => sum + Math.max(1, Math.ceil(encoder.encode(t).length / 4)), 0);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Any server speaking OpenAI's POST /v1/embeddings: OpenAI, Ollama, vLLM, TEI, LocalAI.
 *
 * Back-pressure, per process: at most `concurrency` requests in flight, at most `tokensPerMinute`
 * input tokens in any minute, and a 429 pauses every request of the process until its
 * Retry-After has passed (the server's limit is shared, so one 429 speaks for all). Each batch is
 * retried on its own, so a document never starts over because one of its batches was refused.
 */
export class OpenAiEmbedder implements Embedder {
  readonly kind = "openai";
  readonly model: string;
  readonly dimension: number;
  private readonly limit: LimitFunction;
  private readonly budget: TokenBudget | undefined;
  private pausedUntil = 0;

  constructor(private readonly options: OpenAiEmbedderOptions) {
    this.model = options.model;
    this.dimension = options.dimension;
    this.limit = pLimit(options.concurrency);
    this.budget =
      options.tokensPerMinute > 0
        ? new TokenBudget(options.tokensPerMinute, options.budgetWindowMs ?? 60_000)
        : undefined;
  }

  private async send(input: readonly string[]): Promise<{ vectors: number[][]; promptTokens?: number }> {
    let response: Response;
    try {
      response = await fetch(`${this.options.url.replace(/\/$/, "")}/embeddings`, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          ...(this.options.apiKey ? { authorization: `Bearer ${this.options.apiKey}` } : {}),
        },
        body: JSON.stringify({ model: this.model, input }),
        signal: AbortSignal.timeout(this.options.timeoutMs),
      });
    } catch (error) {
      if ((error as Error).name === "TimeoutError") throw error;
      throw new EmbeddingsNetworkError(error);
    }
    if (!response.ok) {
      if (response.status === 429) embedderThrottled({});
      throw new EmbeddingsHttpError(
        response.status,
        (await response.text()).slice(0, 200),
        retryAfterMs(response.headers.get("retry-after")),
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
    const promptTokens = body.usage?.prompt_tokens;
    return typeof promptTokens === "number" ? { vectors, promptTokens } : { vectors };
  }

  /** One try: a slot, then the pause a 429 set, then room in the token budget. */
  private attempt(input: readonly string[], tokens: number): Promise<number[][]> {
    return this.limit(async () => {
      for (let wait = this.pausedUntil - Date.now(); wait > 0; wait = this.pausedUntil - Date.now())
        await sleep(wait);
      const counted = await this.budget?.take(tokens);
      const { vectors, promptTokens } = await this.send(input);
      if (counted !== undefined && promptTokens !== undefined) counted.tokens = promptTokens;
      return vectors;
    });
  }

  private async request(input: readonly string[]): Promise<number[][]> {
    const tokens = estimateTokens(input);
    for (let retry = 0; ; retry++) {
      try {
        return await this.attempt(input, tokens);
      } catch (error) {
        const reason = retryReason(error);
        if (reason === undefined) throw error;
        const asked = error instanceof EmbeddingsHttpError ? error.retryAfterMs : undefined;
        if (retry >= this.options.retries) {
          throw new Error(
            `embeddings batch of ${input.length} text(s) failed after ${retry + 1} tries: ${(error as Error).message}`,
            { cause: error },
          );
        }
        if (asked !== undefined && asked > longestRetryAfterMs) {
          throw new Error(
            `embeddings server asks to wait ${Math.ceil(asked / 1000)} s, more than ${longestRetryAfterMs / 1000} s: ${(error as Error).message}`,
            { cause: error },
          );
        }
        const wait = asked ?? backoffMs(retry, this.options.backoffBaseMs ?? 500, longestBackoffMs);
        if (reason === "throttled") this.pausedUntil = Math.max(this.pausedUntil, Date.now() + wait);
        embedderRetries({ reason });
        await sleep(wait);
      }
    }
  }

  /**
   * Queries and documents alike: /v1/embeddings has no field for which a text is. A model that
   * wants a query instruction behind such a server gets it from the server, not from here.
   */
  async embed(texts: readonly string[], _purpose: EmbedPurpose): Promise<number[][]> {
    const batches: (readonly string[])[] = [];
    for (let i = 0; i < texts.length; i += this.options.batchSize)
      batches.push(texts.slice(i, i + this.options.batchSize));
    // In parallel up to the process's cap; each batch retries alone.
    return (await Promise.all(batches.map((batch) => this.request(batch)))).flat();
  }

  async ping(): Promise<void> {
    await this.attempt(["ping"], 1);
  }
}
