import type { operations } from "@docstack/client";
import { useEffect, useState } from "preact/hooks";
import { describeError } from "../api.js";
import type { PageProps } from "../app.js";
import { chooseCollection, chosenCollection } from "../chosen-collection.js";
import { ErrorAlert } from "../error-alert.js";
import { describeLocation } from "../location.js";

type QueryBody = operations["queryCollection"]["requestBody"]["content"]["application/json"];
type QueryAnswer = operations["queryCollection"]["responses"][200]["content"]["application/json"];
type Mode = NonNullable<QueryBody["mode"]>;
const modes: readonly Mode[] = ["hybrid", "keyword", "vector"];

interface Outcome {
  answer: QueryAnswer;
  /** Round trip measured in the browser, beside the server's own took_ms. */
  roundTripMs: number;
}

export function SearchPage({ client }: PageProps) {
  const [collections, setCollections] = useState<{ id: string; name: string }[]>();
  const [collectionId, setCollectionId] = useState("");
  const [query, setQuery] = useState("");
  const [mode, setMode] = useState<Mode>("hybrid");
  const [topK, setTopK] = useState(5);
  const [outcome, setOutcome] = useState<Outcome>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void (async () => {
      try {
        const {
          data,
          error: problem,
          response,
        } = await client.GET("/collections", {
          params: { query: { limit: 100 } },
        });
        if (data) {
          setCollections(data.items);
          const chosen = chosenCollection();
          const fallback = data.items.some((c) => c.id === chosen) ? chosen : data.items[0]?.id;
          setCollectionId((current) => current || (fallback ?? ""));
        } else setError(describeError(problem, response));
      } catch (failure) {
        setError(describeError(failure));
      }
    })();
  }, [client]);

  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    const started = performance.now();
    try {
      const {
        data,
        error: problem,
        response,
      } = await client.POST("/query", {
        body: { collection_id: collectionId, query, mode, top_k: topK },
      });
      if (data) setOutcome({ answer: data, roundTripMs: performance.now() - started });
      else {
        setOutcome(undefined);
        setError(describeError(problem, response));
      }
    } catch (failure) {
      setOutcome(undefined);
      setError(describeError(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <section class="card" aria-labelledby="search-form-title">
        <h2 id="search-form-title">Ask a collection</h2>
        <form onSubmit={submit} class="grid">
          <div>
            <label for="search-collection">Collection</label>
            <select
              id="search-collection"
              required
              value={collectionId}
              onChange={(e) => {
                setCollectionId(e.currentTarget.value);
                chooseCollection(e.currentTarget.value);
              }}
            >
              {collections === undefined && <option value="">Loading…</option>}
              {collections?.length === 0 && <option value="">No collections</option>}
              {collections?.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          </div>
          <div class="wide">
            <label for="search-query">Query</label>
            <input
              id="search-query"
              type="search"
              required
              value={query}
              onInput={(e) => setQuery(e.currentTarget.value)}
            />
          </div>
          <div>
            <label for="search-mode">Mode</label>
            <select id="search-mode" value={mode} onChange={(e) => setMode(e.currentTarget.value as Mode)}>
              {modes.map((m) => (
                <option key={m} value={m}>
                  {m}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label for="search-top-k">Results (top_k)</label>
            <input
              id="search-top-k"
              type="number"
              min={1}
              max={100}
              required
              value={topK}
              onInput={(e) => setTopK(e.currentTarget.valueAsNumber)}
            />
          </div>
          <div class="actions">
            <button type="submit" disabled={busy || !collectionId}>
              Search
            </button>
          </div>
        </form>
        <ErrorAlert message={error} />
      </section>
      <section class="card" aria-labelledby="results-title" aria-live="polite" aria-busy={busy}>
        <h2 id="results-title">Results</h2>
        {outcome ? <Results outcome={outcome} /> : <p>No search yet.</p>}
      </section>
    </>
  );
}

function Results({ outcome }: { outcome: Outcome }) {
  const { answer, roundTripMs } = outcome;
  return (
    <>
      <p class="meta" data-testid="latency">
        {answer.results.length} result{answer.results.length === 1 ? "" : "s"} · {answer.mode} · server{" "}
        {answer.took_ms} ms · round trip {Math.round(roundTripMs)} ms
      </p>
      <ol class="results">
        {answer.results.map((r) => {
          const where = describeLocation(r.location);
          return (
            <li key={`${r.document_id}:${r.chunk_index}`} class="result">
              <div class="result-head">
                <span class="doc">{r.filename}</span>
                <span class="score" title="score">
                  {r.score.toFixed(4)}
                </span>
              </div>
              <p class="where">{where || "no location recorded"}</p>
              <blockquote class="passage">{r.text}</blockquote>
            </li>
          );
        })}
      </ol>
    </>
  );
}
