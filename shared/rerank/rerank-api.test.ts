import { describe, expect, it } from "vitest";
import { ApiError } from "../errors/api-error.js";
import { CircuitBreaker, TimeoutError } from "../resilience/circuit-breaker.js";
import { RerankAnswerError, rerankRequestBody, scoresFromAnswer } from "./rerank-api.js";
import { fallbackReason, rerankHeaderValue } from "./rerank-outcome.js";

describe("rerankRequestBody", () => {
  it("speaks each API's shape, asking for every passage", () => {
    expect(rerankRequestBody("tei", undefined, "q", ["a", "b"])).toEqual({
      query: "q",
      texts: ["a", "b"],
      raw_scores: false,
      truncate: true,
    });
    expect(rerankRequestBody("cohere", "rerank-v3.5", "q", ["a", "b"])).toEqual({
      model: "rerank-v3.5",
      query: "q",
      documents: ["a", "b"],
      top_n: 2,
    });
    expect(rerankRequestBody("jina", "jina-reranker-v2", "q", ["a"])).toMatchObject({
      top_n: 1,
      return_documents: false,
    });
  });
});

describe("scoresFromAnswer", () => {
  it("puts the scores back in the order the passages were sent", () => {
    const tei = [
      { index: 1, score: 0.9 },
      { index: 0, score: 0.2 },
    ];
    expect(scoresFromAnswer("tei", tei, 2)).toEqual([0.2, 0.9]);
    const cohere = {
      results: [
        { index: 2, relevance_score: 0.7 },
        { index: 0, relevance_score: 0.5 },
        { index: 1, relevance_score: 0.1 },
      ],
    };
    expect(scoresFromAnswer("cohere", cohere, 3)).toEqual([0.5, 0.1, 0.7]);
  });

  it.each([
    [
      "a passage left unscored",
      "cohere",
      { results: [{ index: 0, relevance_score: 1 }] },
      2,
      /passage 1 is not scored/,
    ],
    ["an index out of range", "tei", [{ index: 2, score: 1 }], 2, /index 2 is not one of the 2/],
    [
      "a passage scored twice",
      "tei",
      [
        { index: 0, score: 1 },
        { index: 0, score: 2 },
      ],
      2,
      /scored twice/,
    ],
    [
      "a score that is not a number",
      "jina",
      { results: [{ index: 0, relevance_score: "high" }] },
      1,
      /numeric/,
    ],
    ["the wrong shape", "tei", { results: [] }, 1, /not a list/],
    ["no results", "cohere", [{ index: 0, score: 1 }], 1, /no results list/],
  ] as const)("refuses %s", (_name, api, body, count, message) => {
    expect(() => scoresFromAnswer(api, body, count)).toThrow(RerankAnswerError);
    expect(() => scoresFromAnswer(api, body, count)).toThrow(message);
  });
});

describe("why an answer fell back", () => {
  it("tells a timeout, an open breaker and other failures apart, behind a breaker or not", async () => {
    const breaker = new CircuitBreaker("The reranker", { failureThreshold: 2, timeoutMs: 20 });
    const reason = (run: () => Promise<unknown>) =>
      breaker.run(run).then(
        () => "ok",
        (error: unknown) => fallbackReason(error),
      );
    expect(await reason(() => new Promise(() => {}))).toBe("timeout");
    expect(await reason(() => Promise.reject(new Error("ECONNREFUSED")))).toBe("error");
    expect(await reason(() => Promise.resolve())).toBe("circuit-open");
    expect(fallbackReason(new TimeoutError("x", 1))).toBe("timeout");
    expect(fallbackReason(new DOMException("aborted", "TimeoutError"))).toBe("timeout");
    expect(fallbackReason(new ApiError("service_unavailable", "x", { cause: new Error("500") }))).toBe(
      "error",
    );
    expect(fallbackReason(new TypeError("fetch failed"))).toBe("error");
  });

  it("is written into the header as a reason parameter", () => {
    expect(rerankHeaderValue({ status: "applied" })).toBe("applied");
    expect(rerankHeaderValue({ status: "fallback", reason: "circuit-open" })).toBe(
      "fallback; reason=circuit-open",
    );
  });
});
