import { formatBytes } from "../format.js";
import type { UploadItem } from "./upload-queue.js";

/** The batch as a whole: how much is sent, and how many are indexed, waiting or refused. */
export function UploadSummary({ items }: { items: UploadItem[] }) {
  const total = items.reduce((sum, i) => sum + i.size, 0);
  const sent = items.reduce(
    (sum, i) => sum + (i.state === "uploading" ? i.sent : i.state === "queued" ? 0 : i.size),
    0,
  );
  const done = items.filter((i) => i.state === "stored" || i.state === "refused").length;
  const refused = items.filter((i) => i.state === "refused").length;
  const indexed = items.filter((i) => i.document?.index_status === "indexed").length;
  const failed = items.filter((i) => i.document?.index_status === "failed").length;
  return (
    <div class="upload-summary">
      <progress max={total || 1} value={sent} aria-label="All uploads" />
      <output data-testid="upload-summary">
        {done} of {items.length} files sent ({formatBytes(sent)} of {formatBytes(total)}) · {indexed} indexed
        {failed > 0 ? ` · ${failed} failed to index` : ""}
        {refused > 0 ? ` · ${refused} refused` : ""}
      </output>
    </div>
  );
}
