import type { Logger } from "../logging/logger.js";
import { analyticsEvents } from "../metrics/registry.js";
import type { QueryEvent, QueryEventSink } from "./query-event.js";
import { writeCounted } from "./write-counted.js";

export interface EventBufferOptions {
  /** Events held at most; past it new ones are dropped, and counted (ANALYTICS_BUFFER). */
  capacity: number;
  /** Events per insert; a full batch is written at once. */
  batch: number;
  /** A partial batch waits at most this long. */
  flushMs: number;
}

/**
 * Query events held in memory and written in batches, off the query's path: `record` only
 * appends. When the database is slow or down the buffer fills, and then events are dropped
 * rather than queries slowed; a batch that fails to write is dropped too (logged and counted in
 * docstack_analytics_events_total), so memory stays bounded whatever the database does.
 */
export class EventBuffer implements QueryEventSink {
  readonly kind = "buffered";
  private events: QueryEvent[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private writing: Promise<void> = Promise.resolve();

  constructor(
    private readonly write: (events: QueryEvent[]) => Promise<void>,
    private readonly options: EventBufferOptions,
    private readonly log: Logger,
  ) {}

  record(event: QueryEvent): void {
    if (this.events.length >= this.options.capacity) {
      analyticsEvents({ outcome: "dropped" });
      return;
    }
    this.events.push(event);
    if (this.events.length >= this.options.batch) void this.flush();
    else if (this.timer === undefined) {
      this.timer = setTimeout(() => void this.flush(), this.options.flushMs);
      this.timer.unref?.();
    }
  }

  /** Writes every event recorded so far, one batch after another. */
  flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.writing = this.writing.then(async () => {
      while (this.events.length > 0) {
        await writeCounted(this.write, this.events.splice(0, this.options.batch), this.log);
      }
    });
    return this.writing;
  }

  close(): Promise<void> {
    return this.flush();
  }
}
