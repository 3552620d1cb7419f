import type { Logger } from "../logging/logger.js";
import { analyticsEvents } from "../metrics/registry.js";
import type { QueryEvent } from "./query-event.js";

/**
 * Writes one batch of events and counts it in docstack_analytics_events_total: written, or
 * failed (logged, and the batch dropped). Never throws: analytics never fails a query.
 */
export async function writeCounted(
  write: (events: QueryEvent[]) => Promise<void>,
  events: QueryEvent[],
  log: Logger,
): Promise<void> {
  try {
    await write(events);
    analyticsEvents({ outcome: "written" }, events.length);
  } catch (error) {
    analyticsEvents({ outcome: "failed" }, events.length);
    log.warn("query events not written", { events: events.length, error });
  }
}
