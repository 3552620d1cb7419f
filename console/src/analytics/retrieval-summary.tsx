import { formatRate } from "../durations.js";
import { formatTime } from "../format.js";
import type { Retrieval } from "./use-analytics.js";

const note = "Latency is the query function's own time. Scores compare only within one mode and embedder.";

/** GET /analytics/retrieval: the range's totals, exact (no threshold or noise applies to them). */
export function RetrievalSummary({ retrieval: r }: { retrieval: Retrieval | undefined }) {
  if (!r) return <Placeholder />;
  return (
    <>
      <p class="meta">
        From <time dateTime={r.from}>{formatTime(r.from)}</time> to{" "}
        <time dateTime={r.to}>{formatTime(r.to)}</time>
      </p>
      <dl class="figures">
        <Figure label="Queries" value={r.queries} testId="retrieval-queries" />
        <Figure
          label="By mode"
          value={`keyword ${r.by_mode.keyword} · vector ${r.by_mode.vector} · hybrid ${r.by_mode.hybrid}`}
        />
        <Figure
          label="Found nothing"
          value={`${r.zero_results} (${formatRate(r.zero_result_rate)})`}
          bad={r.zero_results > 0}
          testId="retrieval-zero"
        />
        <Figure label="Failed" value={`${r.failed} (${formatRate(r.failure_rate)})`} bad={r.failed > 0} />
        <Figure label="From the cache" value={formatRate(r.cache_hit_rate)} />
        <Figure label="Latency p50 / p95" value={`${ms(r.latency_ms.p50)} / ${ms(r.latency_ms.p95)}`} />
        <Figure label="Documents returned" value={r.unique_documents} />
        <Figure
          label="Mean top score"
          value={r.mean_top_score === null ? "—" : r.mean_top_score.toFixed(3)}
        />
        <Figure label="Feedback" value={`${r.feedback.helpful} helpful · ${r.feedback.not_helpful} not`} />
      </dl>
      <p class="help">{note}</p>
    </>
  );
}

const labels = [
  "Queries",
  "By mode",
  "Found nothing",
  "Failed",
  "From the cache",
  "Latency p50 / p95",
  "Documents returned",
  "Mean top score",
  "Feedback",
];

/** Figures that need two columns to stay on one line. */
const wide = new Set(["By mode", "Feedback"]);

/** The same shape with "…" for each figure, until the answer comes. */
function Placeholder() {
  return (
    <>
      <p class="meta">Loading…</p>
      <dl class="figures">
        {labels.map((label) => (
          <Figure key={label} label={label} value="…" />
        ))}
      </dl>
      <p class="help">{note}</p>
    </>
  );
}

function Figure(props: { label: string; value: string | number; bad?: boolean; testId?: string }) {
  return (
    <div class={wide.has(props.label) ? "wide" : undefined}>
      <dt>{props.label}</dt>
      <dd class={props.bad ? "bad" : undefined} data-testid={props.testId}>
        {props.value}
      </dd>
    </div>
  );
}

function ms(value: number | null): string {
  return value === null ? "—" : `${Math.round(value)} ms`;
}
