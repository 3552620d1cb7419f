import { processMetrics } from "../../shared/metrics/registry.js";

/** This process's docstack_analytics_events_total for one outcome (written, dropped, failed). */
export async function analyticsEventsCounted(outcome: string): Promise<number> {
  const text = await processMetrics.render();
  const line = text
    .split("\n")
    .find((l) => l.startsWith(`docstack_analytics_events_total{outcome="${outcome}"}`));
  return line === undefined ? 0 : Number(line.split(" ").at(-1));
}
