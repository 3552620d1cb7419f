import type { DocstackClient } from "@docstack/client";
import { useState } from "preact/hooks";
import { formatBytes } from "../format.js";
import type { Session } from "../session.js";
import { droppedFiles, isHiddenInFolder } from "./dropped-files.js";
import { type UploadItem, useUploadQueue } from "./upload-queue.js";
import { UploadSummary } from "./upload-summary.js";

/** A file chosen with its folder, under a hidden folder or hidden itself (".git/…", ".DS_Store"). */
function hiddenOnPath(file: File): boolean {
  return (file.webkitRelativePath || file.name).split("/").some(isHiddenInFolder);
}

/** Drop files here, or choose them: each shows its progress, the server's verdict, then its indexing. */
export function UploadZone(props: {
  client: DocstackClient;
  session: Session;
  collection: string;
  onChange: () => void;
}) {
  const { client, session, collection, onChange } = props;
  const { items, add, clearFinished } = useUploadQueue(client, session, onChange);
  const [over, setOver] = useState(false);

  const drop = async (event: DragEvent) => {
    event.preventDefault();
    setOver(false);
    if (!event.dataTransfer || !collection) return;
    const files = await droppedFiles(event.dataTransfer);
    if (files.length > 0) add(files, collection);
  };
  const chosen = (input: HTMLInputElement, inFolder: boolean) => {
    const files = Array.from(input.files ?? []).filter((f) => !inFolder || !hiddenOnPath(f));
    if (files.length > 0) add(files, collection);
    input.value = "";
  };

  return (
    // The whole card takes dropped files; the file chooser is the way in for a keyboard.
    <section
      class={over ? "card drop-target over" : "card drop-target"}
      aria-labelledby="upload-title"
      data-testid="drop-zone"
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={drop}
    >
      <h2 id="upload-title">Upload</h2>
      <div class="drop">
        <p>Drop files or folders here, or</p>
        <label class="button" for="upload-files">
          Choose files
        </label>
        <input
          id="upload-files"
          class="visually-hidden"
          type="file"
          multiple
          disabled={!collection}
          onChange={(e) => chosen(e.currentTarget, false)}
        />
        <label class="button" for="upload-folder">
          Choose a folder
        </label>
        <input
          id="upload-folder"
          class="visually-hidden"
          type="file"
          multiple
          disabled={!collection}
          // Not in the DOM typings: set as an attribute, which every current browser reads.
          ref={(input) => input?.setAttribute("webkitdirectory", "")}
          onChange={(e) => chosen(e.currentTarget, true)}
        />
        <p class="help">
          PDF (scanned pages are read by OCR), Office and OpenDocument files, e-mail, text in any encoding,
          CSV, images. A file already in the collection is not stored twice. Folders are read to the bottom,
          leaving out hidden files.
        </p>
      </div>
      {items.length > 0 && (
        <>
          <UploadSummary items={items} />
          <ul class="uploads" aria-label="Uploads">
            {items.map((item) => (
              <UploadRow key={item.key} item={item} />
            ))}
          </ul>
          <button type="button" class="secondary" onClick={clearFinished}>
            Clear finished
          </button>
        </>
      )}
    </section>
  );
}

function UploadRow({ item }: { item: UploadItem }) {
  const verdict = describeVerdict(item);
  return (
    <li class={`upload ${verdict.tone}`} data-testid="upload">
      <span class="upload-name">{item.name}</span>
      <span class="sub">{formatBytes(item.size)}</span>
      <progress
        max={item.size || 1}
        value={item.state === "queued" ? 0 : item.state === "uploading" ? item.sent : item.size || 1}
        aria-label={`${item.name}: upload`}
      />
      <output class="verdict">{verdict.text}</output>
    </li>
  );
}

function describeVerdict(item: UploadItem): { text: string; tone: "" | "ok" | "bad" } {
  if (item.state === "queued") return { text: "Waiting", tone: "" };
  if (item.state === "uploading")
    return { text: `Uploading ${formatBytes(item.sent)} of ${formatBytes(item.size)}`, tone: "" };
  if (item.state === "refused") return { text: `Refused: ${item.reason ?? "no reason given"}`, tone: "bad" };
  const d = item.document;
  const stored =
    item.outcome === "duplicate"
      ? `Duplicate of ${d?.filename ?? "a document"} already in the collection`
      : item.outcome === "replaced"
        ? "Replaced the earlier copy"
        : "Uploaded";
  switch (d?.index_status) {
    case "indexed":
      return {
        text: `${stored} · indexed, ${d.chunk_count} passage${d.chunk_count === 1 ? "" : "s"}`,
        tone: "ok",
      };
    case "failed":
      return { text: `${stored} · indexing failed: ${d.index_error ?? "no reason recorded"}`, tone: "bad" };
    case "indexing":
      return { text: `${stored} · indexing…`, tone: "" };
    default:
      return { text: `${stored} · waiting to be indexed`, tone: "" };
  }
}
