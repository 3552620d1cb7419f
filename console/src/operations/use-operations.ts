import type { components, DocstackClient, operations } from "@docstack/client";
import { useCallback, useEffect, useRef, useState } from "preact/hooks";
import type { Caller } from "../caller.js";
import { type Loaded, load } from "../loaded.js";
import { useVisibleInterval } from "../use-visible-interval.js";

export type Readiness = operations["getReadiness"]["responses"][200]["content"]["application/json"];
export type IndexStatus = operations["getIndexStatus"]["responses"][200]["content"]["application/json"];
export type BackupStatus = operations["getBackupStatus"]["responses"][200]["content"]["application/json"];
export type Collection = components["schemas"]["Collection"];

/** What the operations page shows, all read in one round so the sections agree on "when". */
export interface OperationsView {
  readiness: Loaded<Readiness>;
  /** Across every collection; absent for a key limited to some, which the API does not answer. */
  index: Loaded<IndexStatus> | undefined;
  collections: Loaded<Collection[]>;
  backups: Loaded<BackupStatus>;
  at: Date;
}

export const refreshEveryMs = 10_000;

/**
 * Reads readiness, the index queue and backups now, then every 10 s while the page is visible.
 * A round still running when the next is due is not doubled.
 */
export function useOperations(client: DocstackClient, caller: Caller) {
  const [view, setView] = useState<OperationsView>();
  const [busy, setBusy] = useState(false);
  const inFlight = useRef(false);
  const again = useRef(false);
  const mounted = useRef(true);

  const refresh = useCallback(async () => {
    // Asked while a round runs (a click, a finished backup): one more round follows it.
    if (inFlight.current) {
      again.current = true;
      return;
    }
    inFlight.current = true;
    setBusy(true);
    try {
      do {
        again.current = false;
        const [readiness, index, collections, backups] = await Promise.all([
          readinessOf(client),
          caller.collections === null ? load(() => client.GET("/index/status")) : undefined,
          load(async () => {
            const { data, error, response } = await client.GET("/collections", {
              params: { query: { limit: 100 } },
            });
            return { data: data?.items, error, response };
          }),
          load(() => client.GET("/backups/status")),
        ]);
        if (mounted.current) setView({ readiness, index, collections, backups, at: new Date() });
      } while (again.current && mounted.current);
    } finally {
      inFlight.current = false;
      if (mounted.current) setBusy(false);
    }
  }, [client, caller]);

  useEffect(() => {
    mounted.current = true;
    void refresh();
    return () => {
      mounted.current = false;
    };
  }, [refresh]);
  useVisibleInterval(() => void refresh(), refreshEveryMs);

  return { view, busy, refresh };
}

/** A 503 carries the same body as a 200: which dependencies are down, or that the process is stopping. */
function readinessOf(client: DocstackClient): Promise<Loaded<Readiness>> {
  return load(async () => {
    const { data, error, response } = await client.GET("/health/ready");
    if (data === undefined && error !== undefined && "down" in error) return { data: error, response };
    return { data, error, response };
  });
}
