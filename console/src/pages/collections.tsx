import type { components, DocstackClient } from "@docstack/client";
import { useCallback, useEffect, useState } from "preact/hooks";
import { describeError } from "../api.js";
import type { PageProps } from "../app.js";
import { mayAdminister } from "../caller.js";
import { chooseCollection } from "../chosen-collection.js";
import { ErrorAlert } from "../error-alert.js";
import { formatBytes } from "../format.js";
import { href } from "../route.js";

type Collection = components["schemas"]["Collection"];

/**
 * Set once, after the first rows are painted: the console's first render of real content, as
 * tests/console/first-render.test.ts measures it.
 */
const firstRowsMark = "docstack:first-collection-rows";

export function CollectionsPage({ client, caller }: PageProps) {
  const [collections, setCollections] = useState<Collection[]>();
  const [total, setTotal] = useState(0);
  const [loadError, setLoadError] = useState<string>();

  const load = useCallback(async () => {
    try {
      const { data, error, response } = await client.GET("/collections", {
        params: { query: { limit: 100 } },
      });
      if (data) {
        setCollections(data.items);
        setTotal(data.total);
        setLoadError(undefined);
      } else setLoadError(describeError(error, response));
    } catch (failure) {
      setLoadError(describeError(failure));
    }
  }, [client]);

  useEffect(() => {
    void load();
  }, [load]);

  useEffect(() => {
    if (collections?.length && performance.getEntriesByName(firstRowsMark).length === 0)
      performance.mark(firstRowsMark);
  }, [collections]);

  return (
    <>
      {/* POST /collections needs write on every collection: a key limited to some may not. */}
      {caller.collections === null && (caller.scopes.includes("write") || mayAdminister(caller)) && (
        <CreateCollection client={client} onCreated={load} />
      )}
      <section class="card" aria-labelledby="list-title">
        <h2 id="list-title">All collections</h2>
        <ErrorAlert message={loadError} />
        {collections === undefined && !loadError && <p aria-live="polite">Loading…</p>}
        {collections?.length === 0 && <p>No collections yet.</p>}
        {collections && collections.length > 0 && (
          // biome-ignore lint/a11y/noNoninteractiveTabindex: it scrolls sideways on a narrow screen, and a keyboard can scroll only what it can focus (axe scrollable-region-focusable)
          <section class="table-wrap" aria-labelledby="list-title" tabIndex={0}>
            <table>
              <caption>
                {collections.length < total ? `First ${collections.length} of ${total}` : `${total} in all`}
              </caption>
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Documents</th>
                  <th scope="col">Passages</th>
                  <th scope="col">Size</th>
                  <th scope="col">Settings</th>
                  <th scope="col">Created</th>
                </tr>
              </thead>
              <tbody>
                {collections.map((c) => (
                  <tr key={c.id}>
                    <th scope="row">
                      {c.name}
                      {c.description && <span class="sub">{c.description}</span>}
                    </th>
                    <td class="num">
                      <a href={href("documents")} onClick={() => chooseCollection(c.id)}>
                        {c.counts.documents}
                      </a>
                      <IndexStates counts={c.counts} />
                    </td>
                    <td class="num">{c.counts.chunks}</td>
                    <td class="num">{formatBytes(c.counts.bytes)}</td>
                    <td>
                      <Settings collection={c} />
                    </td>
                    <td>
                      <time dateTime={c.created_at}>{new Date(c.created_at).toLocaleString()}</time>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        )}
      </section>
    </>
  );
}

function IndexStates({ counts }: { counts: Collection["counts"] }) {
  const waiting = counts.pending + counts.indexing;
  if (waiting === 0 && counts.failed === 0) return null;
  return (
    <span class="sub">
      {waiting > 0 && `${waiting} waiting`}
      {waiting > 0 && counts.failed > 0 && " · "}
      {counts.failed > 0 && <span class="bad">{counts.failed} failed</span>}
    </span>
  );
}

/** The settings fixed when the collection was made: what its search and indexing use. */
function Settings({ collection: c }: { collection: Collection }) {
  const chunking = Object.entries(c.chunking)
    .map(([kind, s]) => `${kind} ${s.size ?? "default"}/${s.overlap ?? "default"}`)
    .join(", ");
  return (
    <details>
      <summary>
        {c.language} · {c.embedding_model}
      </summary>
      <dl class="settings">
        <dt>Keyword search language</dt>
        <dd>{c.language}</dd>
        <dt>Embedder</dt>
        <dd>
          {c.embedding_model} ({c.embedding_dimension} dimensions)
        </dd>
        <dt>OCR languages</dt>
        <dd>{c.ocr_languages.join(", ")}</dd>
        <dt>Chunking (size/overlap)</dt>
        <dd>{chunking || "the defaults"}</dd>
        <dt>Query text in analytics</dt>
        <dd>{c.analytics_text}</dd>
        <dt>Id</dt>
        <dd>
          <code>{c.id}</code>
        </dd>
      </dl>
    </details>
  );
}

function CreateCollection({ client, onCreated }: { client: DocstackClient; onCreated: () => void }) {
  const [name, setName] = useState("");
  const [description, setDescription] = useState("");
  const [language, setLanguage] = useState("");
  const [status, setStatus] = useState<{ ok: boolean; text: string }>();
  const [busy, setBusy] = useState(false);

  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setStatus(undefined);
    try {
      const { data, error, response } = await client.POST("/collections", {
        body: {
          name: name.trim(),
          ...(description.trim() ? { description: description.trim() } : {}),
          ...(language.trim() ? { language: language.trim() } : {}),
        },
      });
      if (data) {
        setStatus({ ok: true, text: `Created ${data.name} (embedder ${data.embedding_model}).` });
        setName("");
        setDescription("");
        setLanguage("");
        onCreated();
      } else setStatus({ ok: false, text: describeError(error, response) });
    } catch (failure) {
      setStatus({ ok: false, text: describeError(failure) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="card" aria-labelledby="create-title">
      <h2 id="create-title">New collection</h2>
      <form onSubmit={submit} class="grid">
        <div>
          <label for="collection-name">Name</label>
          <input id="collection-name" required value={name} onInput={(e) => setName(e.currentTarget.value)} />
        </div>
        <div>
          <label for="collection-description">Description (optional)</label>
          <input
            id="collection-description"
            value={description}
            onInput={(e) => setDescription(e.currentTarget.value)}
          />
        </div>
        <div>
          <label for="collection-language">Keyword search language (optional)</label>
          <input
            id="collection-language"
            placeholder="english"
            value={language}
            onInput={(e) => setLanguage(e.currentTarget.value)}
            aria-describedby="collection-language-help"
          />
          <p id="collection-language-help" class="help">
            A PostgreSQL text-search configuration; the server's default when left empty.
          </p>
        </div>
        <div class="actions">
          <button type="submit" disabled={busy}>
            Create collection
          </button>
        </div>
      </form>
      {status && (
        <p class={status.ok ? "ok" : "error"} role={status.ok ? "status" : "alert"}>
          {status.text}
        </p>
      )}
    </section>
  );
}
