/** What a collection lets analytics keep of a query's text (collections.analytics_text). */
export type AnalyticsText = "off" | "hashed" | "full";
export const analyticsTextSettings: readonly AnalyticsText[] = ["off", "hashed", "full"];

/** One query as analytics records it (table query_events, migration 018). */
export interface QueryEvent {
  queryId: string;
  at: Date;
  collectionId: string;
  apiKeyName: string | null;
  mode: string;
  latencyMs: number;
  resultCount: number;
  topScore: number | null;
  /** The distinct documents of the passages returned, in rank order. */
  documentIds: string[];
  cacheHit: boolean;
  /** null for an answered query; else what failed (unavailable, internal). */
  errorClass: string | null;
  /** The query as asked, and what its collection lets be kept of it; the text goes no further than the flush. */
  query: { text: string; keep: AnalyticsText };
}

/**
 * Where the query path leaves its events. `record` never waits and never throws: a query is
 * neither slowed nor failed by analytics (event-buffer.ts on Node, after-response-events.ts on
 * Workers).
 */
export interface QueryEventSink {
  /** buffered: batches from an in-process buffer (Node); after-response: per request (Workers). */
  readonly kind: "buffered" | "after-response" | "off";
  record(event: QueryEvent): void;
  /** Writes what is buffered now (tests; a graceful stop). */
  flush(): Promise<void>;
  close(): Promise<void>;
}

/** No recording: ANALYTICS=off. */
export const noQueryEvents: QueryEventSink = {
  kind: "off",
  record: () => {},
  flush: async () => {},
  close: async () => {},
};
