import type { components, DocstackClient } from "@docstack/client";
import { useState } from "preact/hooks";
import { describeError } from "../api.js";

type Document = components["schemas"]["Document"];

/** Download for any reader; reindex and delete only for a key that may write (the server checks too). */
export function DocumentActions(props: {
  client: DocstackClient;
  document: Document;
  canWrite: boolean;
  onChange: () => void;
}) {
  const { client, document: d, canWrite, onChange } = props;
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string }>();

  const act = async (run: () => Promise<{ error?: unknown; response: Response }>, done: string) => {
    setBusy(true);
    setMessage(undefined);
    try {
      const { error, response } = await run();
      if (response.ok) {
        setMessage({ ok: true, text: done });
        onChange();
      } else setMessage({ ok: false, text: describeError(error, response) });
    } catch (failure) {
      setMessage({ ok: false, text: describeError(failure) });
    } finally {
      setBusy(false);
      setConfirming(false);
    }
  };

  const download = async () => {
    setMessage(undefined);
    try {
      const { data, error, response } = await client.GET("/documents/{id}/download-url", {
        params: { path: { id: d.id } },
      });
      // A short-lived signed link: followed at once, never shown or kept.
      if (data) window.location.assign(data.url);
      else setMessage({ ok: false, text: describeError(error, response) });
    } catch (failure) {
      setMessage({ ok: false, text: describeError(failure) });
    }
  };

  const path = { params: { path: { id: d.id } } };
  return (
    <div class="row-actions">
      <button type="button" class="secondary" onClick={download} aria-label={`Download ${d.filename}`}>
        Download
      </button>
      {canWrite && (
        <button
          type="button"
          class="secondary"
          disabled={busy || d.index_status === "indexing"}
          onClick={() => act(() => client.POST("/documents/{id}/reindex", path), "Queued for indexing")}
          aria-label={`Reindex ${d.filename}`}
        >
          Reindex
        </button>
      )}
      {canWrite && !confirming && (
        <button
          type="button"
          class="danger"
          disabled={busy}
          onClick={() => setConfirming(true)}
          aria-label={`Delete ${d.filename}`}
        >
          Delete
        </button>
      )}
      {canWrite && confirming && (
        <fieldset class="confirm">
          <legend class="visually-hidden">Delete {d.filename}?</legend>
          <button
            type="button"
            class="danger"
            disabled={busy}
            onClick={() => act(() => client.DELETE("/documents/{id}", path), "Deleted")}
          >
            Delete for good
          </button>
          <button type="button" class="secondary" onClick={() => setConfirming(false)}>
            Keep
          </button>
        </fieldset>
      )}
      {message && (
        <span class={message.ok ? "ok" : "bad"} role={message.ok ? "status" : "alert"}>
          {message.text}
        </span>
      )}
    </div>
  );
}
