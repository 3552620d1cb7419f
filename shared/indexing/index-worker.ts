import { expireAnalytics } from "../analytics/analytics-retention.js";
import { sql } from "../db/sql.js";
import type { Deps } from "../deps/deps.js";
import { purgeMarkedDocuments } from "../documents/delete-document.js";
import type { Logger } from "../logging/logger.js";
import { claimDocuments } from "./claim-documents.js";
import type { IndexDeps } from "./index-deps.js";
import { IndexPipeline } from "./index-pipeline.js";

/** The worker as configured (INDEX_POLL_MS, INDEX_BATCH, INDEX_CONCURRENCY, INDEX_LEASE_S, EMBED_BATCH_SIZE). */
export function startConfiguredWorker(deps: Deps): WorkerHandle {
  const { config } = deps;
  return startIndexWorker(
    { ...deps, batchSize: config.EMBED_BATCH_SIZE },
    {
      pollMs: config.INDEX_POLL_MS,
      batch: config.INDEX_BATCH,
      leaseS: config.INDEX_LEASE_S,
      auditRetentionMonths: config.AUDIT_RETENTION_MONTHS,
      analyticsRetentionDays: config.ANALYTICS_RETENTION_DAYS,
    },
  );
}

export interface WorkerOptions {
  pollMs: number;
  batch: number;
  leaseS: number;
  /** Audit log partitions older than this many months are dropped. */
  auditRetentionMonths: number;
  /** Query events and feedback older than this many days are dropped; 90 when absent. */
  analyticsRetentionDays?: number;
}

export interface WorkerHandle {
  /**
   * Stops claiming, hands back the claims of the documents not yet being written (pending again
   * at once) and resolves once the writes under way have ended.
   */
  stop(): Promise<void>;
  /** Resolves after the next pass that found nothing to do (tests wait on it). */
  idle(): Promise<void>;
}

/**
 * Drains pending documents continuously: keeps up to INDEX_CONCURRENCY documents in flight in
 * one pipeline, claiming more (at most `batch` at a time) as documents end, and when there is
 * nothing to claim, sleeps `pollMs`. Idle passes also finish deletions that failed part-way and
 * keep the audit partitions. Any number of workers may run against the same database; claims
 * keep them apart.
 */
export function startIndexWorker(deps: IndexDeps & { log: Logger }, options: WorkerOptions): WorkerHandle {
  let stopping = false;
  let partitionsCheckedAt = 0;
  let wake: (() => void) | undefined;
  let idleWaiters: (() => void)[] = [];
  /** Resolves after `ms` (none: never), when `until` does, or when the worker is stopped. */
  const sleep = (ms: number | undefined, until?: Promise<void>) =>
    new Promise<void>((resolve) => {
      const timer = ms === undefined ? undefined : setTimeout(resolve, ms);
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
      void until?.then(wake);
    });
  const pipeline = new IndexPipeline(deps, { leaseS: options.leaseS });
  const tally = { indexed: 0, failed: 0, deferred: 0, abandoned: 0 };
  let reportedAt = Date.now();
  const report = (force: boolean) => {
    const total = tally.indexed + tally.failed + tally.deferred + tally.abandoned;
    if (total === 0 || (!force && Date.now() - reportedAt < 10_000)) return;
    deps.log.info("index progress", { ...tally, inFlight: pipeline.size });
    Object.assign(tally, { indexed: 0, failed: 0, deferred: 0, abandoned: 0 });
    reportedAt = Date.now();
  };

  const housekeeping = async () => {
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
      // Query analytics likewise: ANALYTICS_RETENTION_DAYS kept, events and feedback.
      const expired = await expireAnalytics(deps.db, options.analyticsRetentionDays ?? 90);
      if (expired.length > 0) deps.log.info("query event partitions dropped", { partitions: expired });
      partitionsCheckedAt = Date.now();
    }
  };

  const loop = (async () => {
    deps.log.info("index worker started", { ...options });
    while (!stopping) {
      let claimed = 0;
      try {
        const room = Math.min(pipeline.room(), options.batch);
        if (room > 0) {
          const docs = await claimDocuments(deps.db, {
            limit: room,
            leaseS: options.leaseS,
            formats: deps.extractor.formats,
          });
          claimed = docs.length;
          for (const doc of docs)
            void pipeline.admit(doc).then((outcome) => {
              tally[outcome.status]++;
              report(false);
            });
        }
        if (claimed > 0) {
          // Full: wait for a document to end before claiming again.
          if (pipeline.room() === 0) await sleep(undefined, pipeline.settled());
          continue;
        }
        if (pipeline.size > 0) {
          // Nothing to claim but work in flight: look again when a document ends, or after pollMs.
          await sleep(options.pollMs, pipeline.settled());
          continue;
        }
        report(true);
        await housekeeping();
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
      await pipeline.release();
      pipeline.close();
      report(true);
    },
    idle() {
      return new Promise<void>((resolve) => {
        idleWaiters.push(resolve);
        wake?.();
      });
    },
  };
}
