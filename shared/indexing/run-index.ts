import { findCollection } from "../collections/collections.js";
import { sql } from "../db/sql.js";
import { ApiError } from "../errors/api-error.js";
import { limitReason } from "../extract/sandbox/extraction-limits.js";
import type { Logger } from "../logging/logger.js";
import { indexDuration, indexedDocuments } from "../metrics/registry.js";
import { claimDocuments, startAttempt } from "./claim-documents.js";
import { type IndexDeps, type IndexOutcome, indexDocument, type StageTimings } from "./index-document.js";

export interface RunOptions {
  collectionId?: string;
  limit: number;
  leaseS: number;
}

export interface RunResult {
  claimed: number;
  indexed: number;
  failed: number;
  deferred: number;
  documents: IndexOutcome[];
}

/** An unavailable dependency (503, an open breaker): worth another try later, unlike bad input. */
export function isTransient(error: unknown): boolean {
  return error instanceof ApiError && error.code === "service_unavailable";
}

/** 1, 2, 4, 8 s… after the 1st, 2nd… deferral, capped at 8 s, so a document is tried again soon after an outage ends. */
export function retryDelayS(deferrals: number): number {
  return Math.min(2 ** Math.max(0, deferrals - 1), 8);
}

function reason(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.slice(0, 500);
}

/**
 * Claims pending documents and indexes them one by one. One document's failure is recorded on
 * that document (status failed, with the reason) and the run moves on. Each document's try is
 * counted as it starts (startAttempt): one whose tries kept being cut short fails instead.
 */
export async function runIndex(
  deps: IndexDeps & { log: Logger },
  options: RunOptions,
  timings?: StageTimings,
): Promise<RunResult> {
  const claimed = await claimDocuments(deps.db, options);
  const outcomes: IndexOutcome[] = [];
  const maxAttempts = deps.config.INDEX_MAX_ATTEMPTS;
  for (const doc of claimed) {
    const start = await startAttempt(deps.db, doc, maxAttempts, limitReason.attempts(maxAttempts));
    if (!start.started) {
      if (start.unfinished === undefined) {
        outcomes.push({
          id: doc.id,
          status: "abandoned",
          chunk_count: 0,
          error: "claim lost (deleted or re-claimed)",
        });
      } else {
        const why = limitReason.attempts(maxAttempts);
        deps.log.warn("indexing failed", { documentId: doc.id, error: why });
        outcomes.push({ id: doc.id, status: "failed", chunk_count: 0, error: why });
      }
      continue;
    }
    try {
      const collection = await findCollection(deps.db, doc.collection_id);
      if (collection === undefined) throw new Error(`collection ${doc.collection_id} no longer exists`);
      const stages = emptyTimings();
      outcomes.push(await indexDocument(deps, collection, doc, stages));
      for (const [stage, ms] of Object.entries(stages)) {
        indexDuration({ stage }, ms / 1000);
        if (timings) timings[stage as keyof StageTimings] += ms;
      }
    } catch (error) {
      const why = reason(error);
      if (isTransient(error)) {
        // A dependency is down (or its breaker open): the document waits and is tried again,
        // later each time, instead of failing for an outage that is not its fault.
        const delayS = retryDelayS(doc.index_deferrals + 1);
        deps.log.warn("indexing deferred", { documentId: doc.id, error: why, retryInS: delayS });
        await deps.db.query(sql`
          update documents set index_status = 'pending', index_error = ${why}, claim_token = null,
            index_deferrals = index_deferrals + 1, index_retry_at = now() + make_interval(secs => ${delayS})
          where id = ${doc.id} and claim_token = ${doc.claim_token}`);
        outcomes.push({ id: doc.id, status: "deferred", chunk_count: 0, error: why });
        continue;
      }
      deps.log.warn("indexing failed", { documentId: doc.id, error: why });
      await deps.db.query(sql`
        update documents set index_status = 'failed', index_error = ${why}, claim_token = null
        where id = ${doc.id} and claim_token = ${doc.claim_token}`);
      outcomes.push({ id: doc.id, status: "failed", chunk_count: 0, error: why });
    }
  }
  for (const o of outcomes) indexedDocuments({ outcome: o.status });
  return {
    claimed: claimed.length,
    indexed: outcomes.filter((o) => o.status === "indexed").length,
    failed: outcomes.filter((o) => o.status === "failed").length,
    deferred: outcomes.filter((o) => o.status === "deferred").length,
    documents: outcomes,
  };
}

export function emptyTimings(): StageTimings {
  return { fetch: 0, extract: 0, chunk: 0, embed: 0, upsert: 0, sql: 0 };
}
