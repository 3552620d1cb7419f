import type { Logger } from "../logging/logger.js";
import { claimDocuments } from "./claim-documents.js";
import type { IndexDeps, IndexOutcome, StageTimings } from "./index-deps.js";
import { IndexPipeline } from "./index-pipeline.js";

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

export function summarise(claimed: number, outcomes: IndexOutcome[]): RunResult {
  return {
    claimed,
    indexed: outcomes.filter((o) => o.status === "indexed").length,
    failed: outcomes.filter((o) => o.status === "failed").length,
    deferred: outcomes.filter((o) => o.status === "deferred").length,
    documents: outcomes,
  };
}

/**
 * Claims up to `limit` pending documents and indexes them through one pipeline (several in
 * flight, see IndexPipeline), returning once every one has ended. One document's failure is
 * recorded on that document (failed with the reason, or deferred for an outage); the others go on.
 */
export async function runIndex(
  deps: IndexDeps & { log: Logger },
  options: RunOptions,
  timings?: StageTimings,
): Promise<RunResult> {
  const claimed = await claimDocuments(deps.db, { ...options, formats: deps.extractor.formats });
  const pipeline = new IndexPipeline(deps, { leaseS: options.leaseS, ...(timings ? { timings } : {}) });
  try {
    const outcomes: Promise<IndexOutcome>[] = [];
    for (const doc of claimed) {
      while (pipeline.room() === 0) await pipeline.settled();
      outcomes.push(pipeline.admit(doc));
    }
    return summarise(claimed.length, await Promise.all(outcomes));
  } finally {
    pipeline.close();
  }
}
