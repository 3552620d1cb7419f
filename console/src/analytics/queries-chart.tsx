import { useEffect, useMemo, useRef, useState } from "preact/hooks";
import { ErrorAlert } from "../error-alert.js";
import { ScrollRegion } from "../scroll-region.js";
import { bucketLabel, chartColumns, summarise, type Timeseries } from "./series.js";

/**
 * Queries per hour or day, those that found nothing, and p95 latency. The canvas is for the eye;
 * the caption says what it shows and the table beneath holds every non-empty bucket's figures.
 */
export function QueriesChart({ series }: { series: Timeseries | undefined }) {
  const box = useRef<HTMLDivElement>(null);
  const readout = useRef<HTMLParagraphElement>(null);
  const [failure, setFailure] = useState<string>();
  const bucket = series?.bucket ?? "hour";
  const label = useMemo(() => bucketLabel(bucket), [bucket]);
  const columns = useMemo(() => (series ? chartColumns(series) : undefined), [series]);
  const summary = series ? summarise(series, label) : "Loading…";

  useEffect(() => {
    if (!series || !columns) return;
    let cancelled = false;
    let cleanup = () => {};
    const show = (index: number | null) => {
      const p = index === null ? undefined : series.points[index];
      if (readout.current)
        readout.current.textContent = p
          ? `${label(p.start)}: ${p.queries} queries, ${p.zero_results} found nothing` +
            (p.latency_ms.p95 === null ? "" : `, p95 ${Math.round(p.latency_ms.p95)} ms`)
          : "";
    };
    import("./draw-chart.js").then(
      ({ drawChart }) => {
        const el = box.current;
        if (cancelled || !el) return;
        const chart = drawChart(el, columns, show);
        const observer = new ResizeObserver(() => chart.resize(el.clientWidth));
        observer.observe(el);
        cleanup = () => {
          observer.disconnect();
          chart.destroy();
        };
      },
      (error: unknown) => {
        if (!cancelled) setFailure(`The chart could not be drawn: ${(error as Error).message}`);
      },
    );
    return () => {
      cancelled = true;
      cleanup();
    };
  }, [series, columns, label]);

  const busy = series?.points.filter((p) => p.queries > 0) ?? [];
  return (
    <figure class="chart-figure">
      <div
        class="chart"
        ref={box}
        role="img"
        aria-label={`Chart of queries per ${bucket}. ${summary}`}
        data-testid="queries-chart"
      />
      <ul class="legend" aria-hidden="true">
        <li>
          <span class="swatch swatch-queries" /> Queries
        </li>
        <li>
          <span class="swatch swatch-zero" /> Found nothing
        </li>
        <li>
          <span class="swatch swatch-latency" /> Latency p95 (right axis)
        </li>
      </ul>
      {/* Pointer-only detail; the same figures are in the table. */}
      <p class="meta readout" ref={readout} aria-hidden="true" />
      <figcaption data-testid="chart-summary">{summary}</figcaption>
      <ErrorAlert message={failure} />
      <details>
        <summary>
          The chart's figures ({busy.length} {bucket}
          {busy.length === 1 ? "" : "s"} with queries)
        </summary>
        {busy.length > 0 && (
          <ScrollRegion label="The chart's figures">
            <table data-testid="chart-table">
              <caption>
                Per {bucket}
                {bucket === "day" ? " (UTC)" : ""}; those without queries are left out.
              </caption>
              <thead>
                <tr>
                  <th scope="col">{bucket === "day" ? "Day" : "Hour"}</th>
                  <th scope="col" class="num">
                    Queries
                  </th>
                  <th scope="col" class="num">
                    Found nothing
                  </th>
                  <th scope="col" class="num">
                    Failed
                  </th>
                  <th scope="col" class="num">
                    Latency p50 / p95
                  </th>
                </tr>
              </thead>
              <tbody>
                {busy.map((p) => (
                  <tr key={p.start}>
                    <th scope="row">
                      <time dateTime={p.start}>{label(p.start)}</time>
                    </th>
                    <td class="num">{p.queries}</td>
                    <td class="num">{p.zero_results}</td>
                    <td class="num">{p.failed}</td>
                    <td class="num">
                      {ms(p.latency_ms.p50)} / {ms(p.latency_ms.p95)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        )}
      </details>
    </figure>
  );
}

function ms(value: number | null): string {
  return value === null ? "—" : `${Math.round(value)} ms`;
}
