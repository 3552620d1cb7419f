import type { Logger } from "../logging/logger.js";
import { analyticsEvents } from "../metrics/registry.js";
import type { QueryEvent, QueryEventSink } from "./query-event.js";
import { writeCounted } from "./write-counted.js";

/** The request being served, as far as recording goes: work can be left for after its response. */
export interface RequestScope {
  /** false once the request's after-response work is over: the task will not run. */
  afterResponse(task: () => Promise<void>): boolean;
}

/**
 * Workers: the events a request records are written after its response (the runtime's
 * waitUntil), in one insert over that request's own connection. Nothing is held for a later
 * request: an isolate may be evicted at any moment, taking such a buffer with it uncounted, and a
 * connection cannot serve another request anyway. `capacity` bounds the events waiting for their
 * write across the isolate; past it (the database slow or down) new events are dropped and
 * counted, as a full buffer does on Node. `record` only appends: the query never waits.
 */
export class AfterResponseEvents implements QueryEventSink {
  readonly kind = "after-response";
  private readonly open = new WeakMap<RequestScope, QueryEvent[]>();
  private readonly writing = new Set<Promise<void>>();
  private held = 0;

  constructor(
    private readonly currentRequest: () => RequestScope | undefined,
    private readonly write: (events: QueryEvent[]) => Promise<void>,
    private readonly capacity: number,
    private readonly log: Logger,
  ) {}

  record(event: QueryEvent): void {
    if (this.held >= this.capacity) {
      analyticsEvents({ outcome: "dropped" });
      return;
    }
    const request = this.currentRequest();
    const batch = request === undefined ? undefined : this.open.get(request);
    if (batch !== undefined) batch.push(event);
    else {
      const events = [event];
      if (request === undefined || !request.afterResponse(() => this.writeBatch(request, events))) {
        // Only a bug gets here: the query path records while its request is being served.
        analyticsEvents({ outcome: "dropped" });
        this.log.warn("query event recorded outside a request being served: dropped");
        return;
      }
      this.open.set(request, events);
    }
    this.held++;
  }

  private writeBatch(request: RequestScope, events: QueryEvent[]): Promise<void> {
    // Anything the request records from now on goes in a batch of its own.
    this.open.delete(request);
    const written = writeCounted(this.write, events, this.log).finally(() => {
      this.held -= events.length;
      this.writing.delete(written);
    });
    this.writing.add(written);
    return written;
  }

  /** Waits for the writes under way; those of requests still being served start when they end. */
  async flush(): Promise<void> {
    await Promise.all(this.writing);
  }

  close(): Promise<void> {
    return this.flush();
  }
}
