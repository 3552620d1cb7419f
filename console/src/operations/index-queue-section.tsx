import { formatSeconds } from "../durations.js";
import { ErrorAlert } from "../error-alert.js";
import type { Loaded } from "../loaded.js";
import { PlaceholderTable } from "../placeholder-table.js";
import { ScrollRegion } from "../scroll-region.js";
import type { Collection, IndexStatus } from "./use-operations.js";

interface Props {
  index: Loaded<IndexStatus> | undefined;
  collections: Loaded<Collection[]> | undefined;
  /** A key for every collection: GET /index/status answers across all of them. */
  acrossAll: boolean;
  /** Before the first answer, the section keeps the shape it will have. */
  loading: boolean;
}

/** GET /index/status across every collection (rate, time left), and the queue per collection. */
export function IndexQueueSection({ index, collections, acrossAll, loading }: Props) {
  return (
    <section class="card" aria-labelledby="queue-title" aria-busy={loading}>
      <h2 id="queue-title">Index queue</h2>
      {loading && acrossAll && <Overall status={undefined} />}
      {index?.ok === false && <ErrorAlert message={index.error} />}
      {index?.ok && <Overall status={index.data} />}
      {!acrossAll && (
        <p class="help">This key is limited to some collections: the rate across all of them is not shown.</p>
      )}
      {loading && <PlaceholderTable caption={perCollectionCaption} columns={perCollectionColumns} rows={1} />}
      {collections?.ok === false && <ErrorAlert message={collections.error} />}
      {collections?.ok && <PerCollection collections={collections.data} />}
    </section>
  );
}

const perCollectionCaption = "By collection, the most waiting first";
const perCollectionColumns = ["Collection", "Pending", "Indexing", "Failed"];

/** The figures across every collection; "…" in each until they arrive. */
function Overall({ status }: { status: IndexStatus | undefined }) {
  const value = (n: number | undefined) => (n === undefined ? "…" : n);
  const counts = status?.counts;
  const progress = status?.progress;
  return (
    <div class="overall" data-testid={status ? "index-overall" : undefined}>
      <dl class="figures">
        <Figure label="Pending" value={value(counts?.pending)} />
        <Figure label="Indexing" value={value(counts?.indexing)} />
        <Figure label="Indexed" value={value(counts?.indexed)} />
        <Figure label="Failed" value={value(counts?.failed)} bad={(counts?.failed ?? 0) > 0} />
        <Figure label="Passages" value={value(status?.chunks)} />
      </dl>
      <label for="index-progress">
        Done: {value(progress?.done)} of {value(progress?.total)} documents
      </label>
      {progress ? (
        <progress id="index-progress" max={Math.max(progress.total, 1)} value={progress.done} />
      ) : (
        <progress id="index-progress" />
      )}
      <p class="meta rate" data-testid="index-rate">
        {status && counts && progress ? rateText(progress, counts.pending + counts.indexing) : "Loading…"}
      </p>
    </div>
  );
}

function Figure({ label, value, bad = false }: { label: string; value: number | string; bad?: boolean }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd class={bad ? "bad" : undefined}>{value}</dd>
    </div>
  );
}

function rateText(progress: IndexStatus["progress"], waiting: number): string {
  const over = `over the last ${formatSeconds(progress.window_seconds)}`;
  const rate =
    progress.indexed_per_minute === null
      ? `No rate yet: fewer than two documents were indexed ${over}.`
      : `${progress.indexed_per_minute.toFixed(1)} documents indexed a minute ${over}.`;
  if (waiting === 0) return `${rate} Nothing is waiting.`;
  if (progress.eta_seconds === null) return `${rate} ${waiting} waiting.`;
  return `${rate} ${waiting} waiting, about ${formatSeconds(progress.eta_seconds)} left at that rate.`;
}

/** The collections with the most work waiting or failed first. */
function PerCollection({ collections }: { collections: Collection[] }) {
  if (collections.length === 0) return <p>No collections yet.</p>;
  const sorted = [...collections].sort(
    (a, b) =>
      b.counts.pending + b.counts.indexing - (a.counts.pending + a.counts.indexing) ||
      b.counts.failed - a.counts.failed ||
      a.name.localeCompare(b.name),
  );
  return (
    <ScrollRegion label="Index queue by collection">
      <table class="compact" data-testid="index-collections">
        <caption>
          {perCollectionCaption}
          {collections.length === 100 ? " (of the first 100)" : ""}
        </caption>
        <thead>
          <tr>
            <th scope="col">Collection</th>
            <th scope="col" class="num">
              Pending
            </th>
            <th scope="col" class="num">
              Indexing
            </th>
            <th scope="col" class="num">
              Failed
            </th>
          </tr>
        </thead>
        <tbody>
          {sorted.map((c) => (
            <tr key={c.id}>
              <th scope="row" class="doc">
                {c.name}
              </th>
              <td class="num">{c.counts.pending}</td>
              <td class="num">{c.counts.indexing}</td>
              <td class={c.counts.failed > 0 ? "num bad" : "num"}>
                {c.counts.failed > 0 ? <strong>{c.counts.failed} failed</strong> : 0}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
