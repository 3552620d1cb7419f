import { type IntervalHistogram, monitorEventLoopDelay } from "node:perf_hooks";
import { processMetrics } from "./registry.js";

let histogram: IntervalHistogram | undefined;

/**
 * The serving event loop's delay (how late a 10 ms timer fires) since the previous scrape: p50,
 * p99 and the worst, in seconds. A statement PGlite runs, a parse on the main thread, a long
 * synchronous loop all show here as the time every request waited behind them. Each scrape
 * starts a new window, as prom-client's event-loop lag does. Node only.
 */
export function registerEventLoopGauges(): void {
  if (histogram !== undefined) return;
  const h = monitorEventLoopDelay({ resolution: 10 });
  h.enable();
  histogram = h;
  processMetrics.gauge(
    "docstack_event_loop_delay_seconds",
    "Event-loop delay since the previous scrape (quantile 0.5, 0.99, and 1 = the worst), seconds.",
    () => {
      const seconds = (ns: number) => (Number.isFinite(ns) ? ns / 1e9 : 0);
      const samples = [
        { labels: { quantile: "0.5" }, value: seconds(h.percentile(50)) },
        { labels: { quantile: "0.99" }, value: seconds(h.percentile(99)) },
        { labels: { quantile: "1" }, value: seconds(h.max) },
      ];
      h.reset();
      return samples;
    },
  );
}
