import type { operations } from "@docstack/client";
import { describeLocation } from "../location.js";

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
              <blockquote class="passage">{r.text}</blockquote>
            </li>
          );
        })}
      </ol>
    </>
  );
}
