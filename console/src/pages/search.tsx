import type { operations } from "@docstack/client";
import { useState } from "preact/hooks";
import { describeError } from "../api.js";
import type { PageProps } from "../app.js";
import { CollectionPicker } from "../collection-picker.js";
import { ErrorAlert } from "../error-alert.js";
import { CopyCurl } from "../search/copy-curl.js";
import { parseMetadataFilter } from "../search/metadata-filter.js";
import { type Outcome, Results } from "../search/results.js";
import { TypeSelect } from "../type-select.js";
import { useCollections } from "../use-collections.js";

type QueryBody = operations["queryCollection"]["requestBody"]["content"]["application/json"];
type Mode = NonNullable<QueryBody["mode"]>;
const modes: readonly Mode[] = ["hybrid", "keyword", "vector"];

export function SearchPage({ client, session }: PageProps) {
  const { collections, current, choose, error: collectionsError } = useCollections(client);
  const [query, setQuery] = useState("");
  const [mode, setMode] = useState<Mode>("hybrid");
  const [topK, setTopK] = useState(5);
  const [type, setType] = useState("");
  const [filename, setFilename] = useState("");
  const [metadata, setMetadata] = useState("");
  const [outcome, setOutcome] = useState<Outcome>();
  const [sent, setSent] = useState<QueryBody>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  const submit = async (event: Event) => {
    event.preventDefault();
    const parsed = parseMetadataFilter(metadata);
    if ("error" in parsed) {
      setError(`Metadata filter: ${parsed.error}`);
      return;
    }
    const filter: NonNullable<QueryBody["filter"]> = {
      ...(type ? { content_type: type } : {}),
      ...(filename.trim() ? { filename: filename.trim() } : {}),
      ...(Object.keys(parsed.filter).length > 0 ? { metadata: parsed.filter } : {}),
    };
    const body: QueryBody = {
      collection_id: current,
      query,
      mode,
      top_k: topK,
      highlight: true,
      ...(Object.keys(filter).length > 0 ? { filter } : {}),
    };
    setBusy(true);
    setError(undefined);
    setSent(body);
    const started = performance.now();
    try {
      const { data, error: problem, response } = await client.POST("/query", { body });
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
          <CollectionPicker
            id="search-collection"
            collections={collections}
            value={current}
            onChange={choose}
          />
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
          <details class="wide filters-box">
            <summary>Filters</summary>
            <div class="grid">
              <TypeSelect id="search-type" value={type} onChange={setType} />
              <div>
                <label for="search-filename">File name (exact)</label>
                <input
                  id="search-filename"
                  value={filename}
                  onInput={(e) => setFilename(e.currentTarget.value)}
                />
              </div>
              <div class="wide">
                <label for="search-metadata">Metadata</label>
                <textarea
                  id="search-metadata"
                  rows={3}
                  value={metadata}
                  onInput={(e) => setMetadata(e.currentTarget.value)}
                  aria-describedby="search-metadata-help"
                />
                <p id="search-metadata-help" class="help">
                  One <code>key = value</code> per line; a document must have them all. Numbers and true/false
                  are matched as such; quote them ("2024") to match text.
                </p>
              </div>
            </div>
          </details>
          <div class="actions">
            <button type="submit" disabled={busy || !current}>
              Search
            </button>
          </div>
        </form>
        <ErrorAlert message={collectionsError ?? error} />
        {sent && <CopyCurl body={sent} withKey={session.key !== null} />}
      </section>
      <section class="card" aria-labelledby="results-title" aria-live="polite" aria-busy={busy}>
        <h2 id="results-title">Results</h2>
        {outcome ? <Results outcome={outcome} /> : <p>No search yet.</p>}
      </section>
    </>
  );
}
