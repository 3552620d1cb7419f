import type { DocstackClient, operations } from "@docstack/client";
import { useCallback, useEffect, useRef, useState } from "preact/hooks";
import { type Loaded, load } from "../loaded.js";
import type { Timeseries } from "./series.js";
import { rangeQuery, type TimeRange, timeRanges } from "./time-range.js";

type Answer<K extends keyof operations> = operations[K] extends {
  responses: { 200: { content: { "application/json": infer T } } };
}
  ? T
  : never;
export type Retrieval = Answer<"getRetrievalAnalytics">;
export type QueryGroups = Answer<"getQueryAnalytics">;
export type DocumentStats = Answer<"getDocumentAnalytics">;

export interface AnalyticsView {
  retrieval: Loaded<Retrieval>;
  timeseries: Loaded<Timeseries>;
  queries: Loaded<QueryGroups>;
  documents: Loaded<DocumentStats>;
}

/** The four analytics answers for one collection (or all) and one range, read together. */
export function useAnalytics(client: DocstackClient, collectionId: string | undefined, range: TimeRange) {
  const [view, setView] = useState<AnalyticsView>();
  const [busy, setBusy] = useState(false);
  // An answer for a choice since replaced is dropped, whichever arrives last.
  const round = useRef(0);

  const refresh = useCallback(async () => {
    const mine = ++round.current;
    setBusy(true);
    const query = {
      ...rangeQuery(range, new Date()),
      ...(collectionId ? { collection_id: collectionId } : {}),
    };
    const [retrieval, timeseries, queries, documents] = await Promise.all([
      load(() => client.GET("/analytics/retrieval", { params: { query } })),
      load(() =>
        client.GET("/analytics/timeseries", {
          params: { query: { ...query, bucket: timeRanges[range].bucket } },
        }),
      ),
      load(() => client.GET("/analytics/queries", { params: { query: { ...query, limit: 20 } } })),
      load(() => client.GET("/analytics/documents", { params: { query: { ...query, limit: 20 } } })),
    ]);
    if (round.current !== mine) return;
    setView({ retrieval, timeseries, queries, documents });
    setBusy(false);
  }, [client, collectionId, range]);

  useEffect(() => {
    void refresh();
    return () => {
      round.current++;
    };
  }, [refresh]);

  return { view, busy, refresh };
}
