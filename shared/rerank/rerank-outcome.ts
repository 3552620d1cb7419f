import { ApiError } from "../errors/api-error.js";

/**
 * Why an answer that should have been reranked keeps the fused order: the reranker took too
 * long, its circuit breaker is open (it failed repeatedly and is left alone for a while), it
 * failed otherwise (an error status, no connection, an answer that does not score every
 * passage), or none is configured (a collection's default asked for one).
 */
export type RerankFallbackReason = "timeout" | "circuit-open" | "error" | "not-configured";

export type RerankOutcome = { status: "applied" } | { status: "fallback"; reason: RerankFallbackReason };

/** The response header that says what became of reranking, when it was asked for. */
export const rerankHeaderName = "Docstack-Rerank";

/** `applied`, or `fallback; reason=timeout` (a parameter list, as in Structured Field Values). */
export function rerankHeaderValue(outcome: RerankOutcome): string {
  return outcome.status === "applied" ? "applied" : `fallback; reason=${outcome.reason}`;
}

const isTimeout = (error: unknown) => (error as { name?: unknown } | null)?.name === "TimeoutError";

/**
 * The reason a reranker call failed. Behind a breaker (Node), a failure arrives as the
 * breaker's 503 with the error as its cause, and a refusal (open, or another call probing) as a
 * 503 without one; unguarded (Workers), the error itself arrives.
 */
export function fallbackReason(error: unknown): RerankFallbackReason {
  if (error instanceof ApiError && error.code === "service_unavailable") {
    if (error.cause === undefined) return "circuit-open";
    return isTimeout(error.cause) ? "timeout" : "error";
  }
  return isTimeout(error) ? "timeout" : "error";
}
