import type { operations } from "@docstack/client";
import { describeLocation } from "../location.js";
import { MarkedText } from "./marked-text.js";

export type QueryAnswer = operations["queryCollection"]["responses"][200]["content"]["application/json"];

export interface Outcome {
  answer: QueryAnswer;
  /** Round trip measured in the browser, beside the server's own took_ms. */
  roundTripMs: number;
}

export function Results({ outcome }: { outcome: Outcome }) {
  const { answer, roundTripMs } = outcome;
  return (
    <>
      <p class="meta" data-testid="latency">
        {answer.results.length} result{answer.results.length === 1 ? "" : "s"} · {answer.mode} · server{" "}
        {answer.took_ms} ms · round trip {Math.round(roundTripMs)} ms
      </p>
      <ol class="results">
        {answer.results.map((r) => {
          const where = describeLocation(r.location);
          return (
            <li key={`${r.document_id}:${r.chunk_index}`} class="result">
              <div class="result-head">
                <span class="doc">{r.filename}</span>
                <span class="score" title="score">
                  {r.score.toFixed(4)}
                </span>
              </div>
              <p class="where">{where || "no location recorded"}</p>
              {answer.mode === "hybrid" && (
                <p class="ranks" data-testid="ranks">
                  keyword {rank(r.ranks.keyword)} · vector {rank(r.ranks.vector)}
                </p>
              )}
              <blockquote class="passage">
                <MarkedText text={r.text} spans={r.highlights} />
              </blockquote>
            </li>
          );
        })}
      </ol>
    </>
  );
}

/** A side's rank behind a fused result: "#2", or "not found" when that side did not return it. */
function rank(value: number | null): string {
  return value === null ? "not found" : `#${value}`;
}
