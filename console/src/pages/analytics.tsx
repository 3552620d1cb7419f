import type { components } from "@docstack/client";
import { useEffect, useMemo, useState } from "preact/hooks";
import { DocumentTables } from "../analytics/document-tables.js";
import { QueriesChart } from "../analytics/queries-chart.js";
import { QuestionTables } from "../analytics/question-tables.js";
import { RetrievalSummary } from "../analytics/retrieval-summary.js";
import { isTimeRange, type TimeRange, timeRanges } from "../analytics/time-range.js";
import { useAnalytics } from "../analytics/use-analytics.js";
import type { PageProps } from "../app.js";
import { chooseCollection, chosenCollection } from "../chosen-collection.js";
import { ErrorAlert } from "../error-alert.js";
import { type Loaded, load } from "../loaded.js";

type Collection = components["schemas"]["Collection"];
/** The select's value for "every collection", which only a key for every collection may read. */
const all = "";

/** Retrieval analytics: how many queries, which found nothing, which documents answer them. */
export function AnalyticsPage({ client, caller }: PageProps) {
  const mayReadAll = caller.collections === null;
  const [collections, setCollections] = useState<Loaded<Collection[]>>();
  const [collectionId, setCollectionId] = useState(
    () => chosenCollection() ?? (mayReadAll ? all : (caller.collections?.[0] ?? all)),
  );
  const [range, setRange] = useState<TimeRange>("7d");
  const { view, busy, refresh } = useAnalytics(client, collectionId || undefined, range);
  const names = useMemo(
    () => (collections?.ok ? new Map(collections.data.map((c) => [c.id, c.name])) : undefined),
    [collections],
  );

  useEffect(() => {
    void load(async () => {
      const { data, error, response } = await client.GET("/collections", {
        params: { query: { limit: 100 } },
      });
      return { data: data?.items, error, response };
    }).then((loaded) => {
      setCollections(loaded);
      // A remembered collection that is gone (or out of this key's reach) falls back.
      if (loaded.ok)
        setCollectionId((current) =>
          current === all || loaded.data.some((c) => c.id === current)
            ? current
            : mayReadAll
              ? all
              : (loaded.data[0]?.id ?? all),
        );
    });
  }, [client, mayReadAll]);

  return (
    <>
      <section class="card" aria-labelledby="analytics-choice-title">
        <h2 id="analytics-choice-title">What to look at</h2>
        <div class="grid">
          <div>
            <label for="analytics-collection">Collection</label>
            <select
              id="analytics-collection"
              value={collectionId}
              onChange={(e) => {
                const id = e.currentTarget.value;
                setCollectionId(id);
                if (id !== all) chooseCollection(id);
              }}
            >
              {mayReadAll && <option value={all}>All collections</option>}
              {collections?.ok &&
                collections.data.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name}
                  </option>
                ))}
            </select>
          </div>
          <div>
            <label for="analytics-range">Time range</label>
            <select
              id="analytics-range"
              value={range}
              onChange={(e) => {
                const value = e.currentTarget.value;
                if (isTimeRange(value)) setRange(value);
              }}
            >
              {Object.entries(timeRanges).map(([key, r]) => (
                <option key={key} value={key}>
                  {r.label} (per {r.bucket})
                </option>
              ))}
            </select>
          </div>
          <div class="actions">
            <button type="button" class="secondary" onClick={() => void refresh()}>
              Refresh
            </button>
          </div>
        </div>
        {collections?.ok === false && <ErrorAlert message={collections.error} />}
      </section>

      <section class="card" aria-labelledby="retrieval-title" aria-busy={busy}>
        <h2 id="retrieval-title">Retrieval</h2>
        {view === undefined && <RetrievalSummary retrieval={undefined} />}
        {view?.retrieval.ok === false && <ErrorAlert message={view.retrieval.error} />}
        {view?.retrieval.ok && <RetrievalSummary retrieval={view.retrieval.data} />}
      </section>

      <section class="card" aria-labelledby="chart-title" aria-busy={busy}>
        <h2 id="chart-title">Queries over time</h2>
        {view === undefined && <QueriesChart series={undefined} />}
        {view?.timeseries.ok === false && <ErrorAlert message={view.timeseries.error} />}
        {view?.timeseries.ok && <QueriesChart series={view.timeseries.data} />}
      </section>

      <section class="card reserve" aria-labelledby="questions-title" aria-busy={busy}>
        <h2 id="questions-title">Questions</h2>
        {view === undefined && <p>Loading…</p>}
        {view?.queries.ok === false && <ErrorAlert message={view.queries.error} />}
        {view?.queries.ok && <QuestionTables groups={view.queries.data} />}
      </section>

      <section class="card reserve" aria-labelledby="documents-title" aria-busy={busy}>
        <h2 id="documents-title">Documents</h2>
        {view === undefined && <p>Loading…</p>}
        {view?.documents.ok === false && <ErrorAlert message={view.documents.error} />}
        {view?.documents.ok && <DocumentTables stats={view.documents.data} names={names} />}
      </section>
    </>
  );
}
