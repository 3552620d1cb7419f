import { ErrorAlert } from "../error-alert.js";
import type { Loaded } from "../loaded.js";
import { PlaceholderTable } from "../placeholder-table.js";
import { ScrollRegion } from "../scroll-region.js";
import type { Readiness } from "./use-operations.js";

const probeCaption = "Each dependency is probed with a 2 s time limit.";

/** GET /health/ready: one row per dependency; a down one says so in words, not by colour alone. */
export function ReadinessSection({ readiness }: { readiness: Loaded<Readiness> | undefined }) {
  return (
    <section class="card" aria-labelledby="readiness-title">
      <h2 id="readiness-title">Readiness</h2>
      {readiness === undefined && (
        <>
          <output class="verdict">Checking…</output>
          <PlaceholderTable
            caption={probeCaption}
            columns={["Dependency", "State", "Latency", "Adapter"]}
            rows={5}
          />
        </>
      )}
      {readiness?.ok === false && <ErrorAlert message={readiness.error} />}
      {readiness?.ok && <ReadinessTable readiness={readiness.data} />}
    </section>
  );
}

function ReadinessTable({ readiness }: { readiness: Readiness }) {
  const checks = Object.entries(readiness.checks ?? {});
  // The column is there only when some dependency has something to say: it rarely does.
  const detail = checks.some(([, check]) => check.error !== undefined);
  return (
    <>
      {/* Announced when the verdict changes, not on every refresh. */}
      <output
        data-testid="readiness-verdict"
        class={readiness.status === "ready" ? "verdict ok" : "verdict bad"}
      >
        {verdict(readiness)}
      </output>
      {readiness.checks === undefined ? (
        <p class="help">
          The detail of each dependency (adapter, latency, error) needs an API key, unless the server sets
          HEALTH_DETAIL=public.
        </p>
      ) : (
        <ScrollRegion label="Readiness of each dependency">
          <table class="compact" data-testid="readiness">
            <caption>{probeCaption}</caption>
            <thead>
              <tr>
                <th scope="col">Dependency</th>
                <th scope="col">State</th>
                <th scope="col" class="num">
                  Latency
                </th>
                <th scope="col">Adapter</th>
                {detail && <th scope="col">Detail</th>}
              </tr>
            </thead>
            <tbody>
              {checks.map(([name, check]) => (
                <tr key={name} class={check.status === "down" ? "down" : undefined}>
                  <th scope="row">{name}</th>
                  <td>
                    <State up={check.status === "up"} />
                  </td>
                  <td class="num">{formatMs(check.latency_ms)}</td>
                  <td>{check.adapter}</td>
                  {detail && <td class="detail">{check.error ?? ""}</td>}
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </>
  );
}

/** "✓ up" or "✕ DOWN": the word carries the state; the mark and colour only repeat it. */
export function State({
  up,
  upText = "up",
  downText = "down",
}: {
  up: boolean;
  upText?: string;
  downText?: string;
}) {
  return up ? (
    <span class="state state-up">
      <span aria-hidden="true">✓ </span>
      {upText}
    </span>
  ) : (
    <strong class="state state-down">
      <span aria-hidden="true">✕ </span>
      {downText}
    </strong>
  );
}

function verdict(readiness: Readiness): string {
  if (readiness.status === "draining") return "Draining: this process is stopping and takes no new work.";
  if (readiness.status === "ready") return "Ready: every dependency answers.";
  return `Not ready: ${readiness.down.join(", ")} ${readiness.down.length === 1 ? "is" : "are"} down.`;
}

/** 0.34 → "0.3 ms", 111.8 → "112 ms": short enough for a narrow column. */
function formatMs(ms: number): string {
  return `${ms < 10 ? ms.toFixed(1) : Math.round(ms)} ms`;
}
