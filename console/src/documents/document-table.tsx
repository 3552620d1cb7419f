import type { components, DocstackClient } from "@docstack/client";
import { useCallback, useEffect, useState } from "preact/hooks";
import { describeError } from "../api.js";
import { typeNames } from "../content-types.js";
import { ErrorAlert } from "../error-alert.js";
import { formatBytes, formatTime } from "../format.js";
import { TypeSelect } from "../type-select.js";
import { DocumentActions } from "./document-actions.js";

type Document = components["schemas"]["Document"];
type Status = Document["index_status"];
const statuses: readonly Status[] = ["pending", "indexing", "indexed", "failed"];
const pageSize = 25;
/** While something is waiting or being indexed, the table is read again this often. */
const livePollMs = 3000;

export function DocumentTable(props: {
  client: DocstackClient;
  collection: string;
  canWrite: boolean;
  /** Bumped by the page when an upload ends, so the table reads again at once. */
  refresh: number;
}) {
  const { client, collection, canWrite, refresh } = props;
  const [status, setStatus] = useState<Status | "">("");
  const [type, setType] = useState("");
  const [name, setName] = useState("");
  const [offset, setOffset] = useState(0);
  const [page, setPage] = useState<{ items: Document[]; count: number; size: number }>();
  const [error, setError] = useState<string>();
  const [reads, setReads] = useState(0);

  const load = useCallback(async () => {
    if (!collection) return;
    try {
      const {
        data,
        error: problem,
        response,
      } = await client.GET("/documents", {
        params: {
          query: {
            collection_id: collection,
            limit: pageSize,
            offset,
            ...(status ? { index_status: status } : {}),
            ...(type ? { content_type: type } : {}),
            ...(name.trim() ? { filename_contains: name.trim() } : {}),
          },
        },
      });
      if (data) {
        setPage({ items: data.items, count: data.totals.count, size: data.totals.total_size });
        setError(undefined);
      } else setError(describeError(problem, response));
    } catch (failure) {
      setError(describeError(failure));
    }
  }, [client, collection, status, type, name, offset]);

  useEffect(() => {
    void load().then(() => setReads((n) => n + 1));
  }, [load, refresh]);

  // Live while anything shown is still on its way; quiet otherwise, and while the tab is hidden.
  const busy = page?.items.some((d) => d.index_status === "pending" || d.index_status === "indexing");
  useEffect(() => {
    if (!busy) return;
    const timer = setTimeout(() => {
      if (document.visibilityState === "visible") void load().then(() => setReads((n) => n + 1));
      else setReads((n) => n + 1);
    }, livePollMs);
    return () => clearTimeout(timer);
  }, [busy, load, reads]);

  const filtered = (apply: () => void) => {
    apply();
    setOffset(0);
  };

  return (
    <section class="card" aria-labelledby="documents-title">
      <h2 id="documents-title">Documents</h2>
      <form class="grid filters" onSubmit={(e) => e.preventDefault()} aria-label="Filter documents">
        <div>
          <label for="filter-status">Index status</label>
          <select
            id="filter-status"
            value={status}
            onChange={(e) => filtered(() => setStatus(e.currentTarget.value as Status | ""))}
          >
            <option value="">any</option>
            {statuses.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </div>
        <TypeSelect id="filter-type" value={type} onChange={(t) => filtered(() => setType(t))} />
        <div>
          <label for="filter-name">File name contains</label>
          <input
            id="filter-name"
            type="search"
            value={name}
            onInput={(e) => filtered(() => setName(e.currentTarget.value))}
          />
        </div>
      </form>
      <ErrorAlert message={error} />
      {page === undefined && !error && <p aria-live="polite">Loading…</p>}
      {page && page.count === 0 && <p>No documents{status || type || name ? " match" : " yet"}.</p>}
      {page && page.count > 0 && (
        <div class="table-wrap">
          <table class="documents">
            <caption>
              {offset + 1}–{offset + page.items.length} of {page.count} ({formatBytes(page.size)})
            </caption>
            <thead>
              <tr>
                <th scope="col">File</th>
                <th scope="col">Index status</th>
                <th scope="col">Size</th>
                <th scope="col">Type</th>
                <th scope="col">Uploaded</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {page.items.map((d) => (
                <tr key={d.id} data-document={d.id}>
                  <th scope="row" class="filename">
                    {d.filename}
                  </th>
                  <td>
                    <StatusCell document={d} />
                  </td>
                  <td class="num">{formatBytes(d.size)}</td>
                  <td>{typeNames[d.content_type] ?? d.content_type}</td>
                  <td>
                    <time dateTime={d.upload_date}>{formatTime(d.upload_date)}</time>
                    <span class="sub">by {d.created_by ?? "anonymous"}</span>
                  </td>
                  <td>
                    <DocumentActions client={client} document={d} canWrite={canWrite} onChange={load} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {page && page.count > pageSize && (
        <nav class="pager" aria-label="Pages of documents">
          <button
            type="button"
            class="secondary"
            disabled={offset === 0}
            onClick={() => setOffset(Math.max(0, offset - pageSize))}
          >
            Previous
          </button>
          <button
            type="button"
            class="secondary"
            disabled={offset + pageSize >= page.count}
            onClick={() => setOffset(offset + pageSize)}
          >
            Next
          </button>
        </nav>
      )}
    </section>
  );
}

function StatusCell({ document: d }: { document: Document }) {
  if (d.index_status === "failed")
    return (
      <span class="bad">
        failed<span class="sub">{d.index_error ?? "no reason recorded"}</span>
      </span>
    );
  if (d.index_status === "indexed") {
    const ocr = d.ocr_pages?.length
      ? ` · OCR on ${d.ocr_pages.length} page${d.ocr_pages.length === 1 ? "" : "s"}`
      : "";
    const encoding = d.text_encoding && d.text_encoding !== "utf-8" ? ` · ${d.text_encoding}` : "";
    return (
      <span class="ok">
        indexed
        <span class="sub">
          {d.chunk_count} passage{d.chunk_count === 1 ? "" : "s"}
          {ocr}
          {encoding}
        </span>
      </span>
    );
  }
  return <span>{d.index_status === "indexing" ? "indexing…" : "waiting"}</span>;
}
