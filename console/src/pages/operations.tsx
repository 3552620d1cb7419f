import type { PageProps } from "../app.js";
import { mayAdminister } from "../caller.js";
import { BackupsSection } from "../operations/backups-section.js";
import { IndexQueueSection } from "../operations/index-queue-section.js";
import { ReadinessSection } from "../operations/readiness-section.js";
import { refreshEveryMs, useOperations } from "../operations/use-operations.js";

/** For an operator: is everything up, is indexing keeping up, are backups fresh. */
export function OperationsPage({ client, caller }: PageProps) {
  const { view, busy, refresh } = useOperations(client, caller);
  return (
    <>
      <div class="toolbar">
        <p class="meta" aria-busy={busy}>
          Refreshed every {refreshEveryMs / 1000} s while this page is visible.{" "}
          <span data-testid="refreshed-at">
            {view ? (
              <>
                Last: <time dateTime={view.at.toISOString()}>{view.at.toLocaleTimeString()}</time>
              </>
            ) : (
              "Loading…"
            )}
          </span>
        </p>
        <button type="button" class="secondary" onClick={() => void refresh()}>
          Refresh
        </button>
      </div>
      <ReadinessSection readiness={view?.readiness} />
      <IndexQueueSection
        index={view?.index}
        collections={view?.collections}
        acrossAll={caller.collections === null}
        loading={view === undefined}
      />
      <BackupsSection
        backups={view?.backups}
        runner={mayAdminister(caller) ? { client, onFinished: () => void refresh() } : undefined}
      />
    </>
  );
}
