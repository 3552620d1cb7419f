import { sql } from "../db/sql.js";
import type { Deps } from "../deps/deps.js";
import { purgeMarkedDocuments } from "../documents/delete-document.js";
import type { Logger } from "../logging/logger.js";
import type { IndexDeps } from "./index-document.js";
import { runIndex } from "./run-index.js";

/** The worker as configured (INDEX_POLL_MS, INDEX_BATCH, INDEX_LEASE_S, EMBED_BATCH_SIZE). */
export function startConfiguredWorker(deps: Deps): WorkerHandle {
  const { config } = deps;
  return startIndexWorker(
    { ...deps, batchSize: config.EMBED_BATCH_SIZE },
    {
      pollMs: config.INDEX_POLL_MS,
      batch: config.INDEX_BATCH,
      leaseS: config.INDEX_LEASE_S,
      auditRetentionMonths: config.AUDIT_RETENTION_MONTHS,
    },
  );
}

export interface WorkerOptions {
  pollMs: number;
  batch: number;
  leaseS: number;
  /** Audit log partitions older than this many months are dropped. */
  auditRetentionMonths: number;
}

export interface WorkerHandle {
  stop(): Promise<void>;
  /** Resolves after the next pass that found nothing to do (tests wait on it). */
  idle(): Promise<void>;
}

/**
 * Drains pending documents continuously: run a batch, and when there is nothing to claim,
 * sleep `pollMs`. Each pass also finishes deletions that failed part-way. Any number of
 * workers may run against the same database; claims keep them apart.
 */
export function startIndexWorker(deps: IndexDeps & { log: Logger }, options: WorkerOptions): WorkerHandle {
  let stopping = false;
  let partitionsCheckedAt = 0;
  let wake: (() => void) | undefined;
  let idleWaiters: (() => void)[] = [];
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });

  const loop = (async () => {
    deps.log.info("index worker started", { ...options });
    while (!stopping) {
      try {
        const result = await runIndex(deps, { limit: options.batch, leaseS: options.leaseS });
        if (result.claimed > 0) {
          deps.log.info("index batch", {
            claimed: result.claimed,
            indexed: result.indexed,
            failed: result.failed,
            deferred: result.deferred,
          });
          // Only when something moved: a batch that was all deferred waits like an idle pass.
          if (result.deferred < result.claimed) continue;
        }
        await purgeMarkedDocuments(deps, 30);
        if (Date.now() - partitionsCheckedAt > 6 * 3600_000) {
          // Monthly audit partitions two months ahead, before rows land in the default partition.
          await deps.db.query(sql`select ensure_audit_partitions(2)`);
          // ... and the retention: partitions older than AUDIT_RETENTION_MONTHS go.
          const dropped = await deps.db.query<{ name: string }>(
            sql`select drop_audit_partitions_older_than(${options.auditRetentionMonths}) as name`,
          );
          if (dropped.length > 0)
            deps.log.info("audit partitions dropped", { partitions: dropped.map((d) => d.name) });
          partitionsCheckedAt = Date.now();
        }
      } catch (error) {
        deps.log.error("index worker pass failed", { error });
      }
      const waiters = idleWaiters;
      idleWaiters = [];
      for (const w of waiters) w();
      if (!stopping) await sleep(options.pollMs);
    }
  })();

  return {
    async stop() {
      stopping = true;
      wake?.();
      await loop;
    },
    idle() {
      return new Promise<void>((resolve) => {
        idleWaiters.push(resolve);
        wake?.();
      });
    },
  };
}
