import { findCollection } from "../collections/collections.js";
import { sql } from "../db/sql.js";
import type { DocumentRow } from "../documents/document-row.js";
import { ApiError } from "../errors/api-error.js";
import { NeedsNodeRuntime } from "../extract/needs-node-runtime.js";
import { limitReason } from "../extract/sandbox/extraction-limits.js";
import type { Logger } from "../logging/logger.js";
import { indexDuration, indexedDocuments } from "../metrics/registry.js";
import { type AttemptStart, releaseClaims, renewClaims, startAttempt } from "./claim-documents.js";
import { commitRows, type EmbeddedDocument, writeVectors } from "./commit-documents.js";
import { EmbeddingQueue } from "./embedding-queue.js";
import { InFlightBudget } from "./in-flight-budget.js";
import {
  claimLost,
  emptyTimings,
  type IndexDeps,
  type IndexOutcome,
  type StageTimings,
} from "./index-deps.js";
import { type PreparedDocument, prepareDocument } from "./prepare-document.js";
import { WriteQueue } from "./write-queue.js";

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

/** The outcome's reason for a document whose claim went back at a graceful stop. */
export const handedBack = "handed back: the worker stopped before writing it";

/** Thrown where a document handed back stops (at its next stage); never recorded on it. */
class HandedBack extends Error {
  constructor() {
    super(handedBack);
  }
}

/** A document in flight: its claim, whether its try was counted, whether its writes began. */
interface InFlightDocument {
  token: string;
  attempt?: Promise<AttemptStart>;
  started: boolean;
  writing: boolean;
}

export interface PipelineOptions {
  leaseS: number;
  /** Adds each stage's milliseconds here too (benchmarks); metrics get them in any case. */
  timings?: StageTimings;
}

/**
 * A worker's documents in flight, each going fetch → extract → chunk → embed → write while the
 * others are at other stages: extraction runs in the extraction threads, embedding requests are
 * filled with the chunks of several documents, and writes go in groups, vectors (one request per
 * collection) and rows (one transaction) as two steps, so one group's rows are committed while
 * the next group's vectors are written. At most INDEX_CONCURRENCY documents and INDEX_INFLIGHT_MB of
 * them at once. Claims of the documents in flight are renewed every third of the lease, so a
 * document waiting its turn is not taken over; a crashed worker stops renewing, and its
 * documents are taken over after the lease as before. A worker that stops gracefully hands the
 * claims of its documents not yet being written back at once (`release`).
 */
export class IndexPipeline {
  private readonly budget: InFlightBudget;
  private readonly embeddings: EmbeddingQueue;
  private readonly vectorWrites: WriteQueue<EmbeddedDocument, boolean>;
  private readonly rowWrites: WriteQueue<EmbeddedDocument, IndexOutcome>;
  private readonly inFlight = new Map<string, InFlightDocument>();
  /** Set by `release`: no document begins its try or its writes any more. */
  private releasing = false;
  private readonly handedBack = new Set<string>();
  private settledWaiters: (() => void)[] = [];
  /** The last document admitted to run alone (see `admit`): documents admitted after it wait for it. */
  private alone: Promise<unknown> = Promise.resolve();
  /** Documents admitted since then: one admitted to run alone waits for them. */
  private sinceAlone = new Set<Promise<unknown>>();
  private readonly renewal: NodeJS.Timeout;

  constructor(
    private readonly deps: IndexDeps & { log: Logger },
    private readonly options: PipelineOptions,
  ) {
    this.budget = new InFlightBudget(deps.config.INDEX_INFLIGHT_MB * 2 ** 20);
    this.embeddings = new EmbeddingQueue(deps.embedder, {
      batchSize: deps.batchSize,
      // A remote embedder takes as many requests as its own cap allows; a local one computes one
      // batch while the next is being assembled.
      parallel: deps.embedder.kind === "openai" ? deps.config.EMBEDDINGS_CONCURRENCY : 2,
      waitMs: deps.config.INDEX_EMBED_WAIT_MS,
      onBatch: (ms) => this.record("embed", ms),
      // As for writes: an outage fails every document alike; anything else may be one text's.
      isolate: (error) => !isTransient(error),
    });
    // An outage fails every document of a group alike; anything else may be one document's.
    const isolate = (error: unknown) => !isTransient(error);
    // A group's transaction holds PGlite (every query waits for it) for about a millisecond per
    // chunk: there a group stops at 1,000 chunks. A server's other connections are not held.
    const groups = {
      maxItems: 64,
      maxWeight: deps.db.kind === "pglite" ? 1000 : 20_000,
      weight: (d: EmbeddedDocument) => d.chunks.length,
      isolate,
    };
    this.vectorWrites = new WriteQueue((group) => this.timed(writeVectors, group), groups);
    this.rowWrites = new WriteQueue(async (group) => {
      const outcomes = await this.timed(commitRows, group);
      await this.maintain();
      return outcomes;
    }, groups);
    this.renewal = setInterval(() => void this.renewClaims(), (options.leaseS * 1000) / 3);
    this.renewal.unref();
  }

  /** Documents in flight now. */
  get size(): number {
    return this.inFlight.size;
  }

  /** Room for this many more documents. */
  room(): number {
    return Math.max(0, this.deps.config.INDEX_CONCURRENCY - this.inFlight.size);
  }

  /** Resolves when a document in flight settles (or at once when none is). */
  settled(): Promise<void> {
    if (this.inFlight.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.settledWaiters.push(resolve));
  }

  async drained(): Promise<void> {
    while (this.inFlight.size > 0) await this.settled();
  }

  close(): void {
    clearInterval(this.renewal);
  }

  /**
   * The graceful stop: the documents in flight that have not begun their writes go back to
   * pending at once (their try not counted), so another worker takes them without waiting for
   * the lease, and stop at their next stage; those being written finish, so none is left
   * half-written (their rows commit in one transaction or not at all, as ever). Resolves once
   * those writes have ended. Admit nothing after it.
   */
  async release(): Promise<void> {
    this.releasing = true;
    // A try being counted now must be known counted before it is given back.
    await Promise.allSettled([...this.inFlight.values()].map((d) => d.attempt));
    const back = [...this.inFlight.entries()].filter(([, d]) => !d.writing);
    for (const [id] of back) this.handedBack.add(id);
    if (back.length > 0) {
      try {
        const released = await releaseClaims(this.deps.db, {
          ids: back.map(([id]) => id),
          tokens: back.map(([, d]) => d.token),
          started: back.map(([, d]) => d.started),
        });
        this.deps.log.info("claims handed back", { documents: released.length });
      } catch (error) {
        // Their claims lapse after INDEX_LEASE_S instead, as after a crash.
        this.deps.log.warn("claims not handed back", { documents: back.length, error });
      }
    }
    while ([...this.inFlight.values()].some((d) => d.writing)) await this.settled();
  }

  /**
   * Starts a claimed document on its way; resolves with how it ended (never rejects). A document
   * whose earlier tries never finished (the process died or its lease ran out) may be the one
   * that takes the process down: it runs with nothing else in flight, so a crash it causes is
   * charged to it alone and not to the documents that happened to be beside it. Documents wait
   * for their turn in flight (claims renewed), before their try is counted.
   */
  admit(doc: DocumentRow): Promise<IndexOutcome> {
    this.inFlight.set(doc.id, { token: doc.claim_token ?? "", started: false, writing: false });
    const ticket = this.budget.ticket();
    const suspect = doc.index_attempts - doc.index_deferrals > 0;
    const turn = suspect ? Promise.all([this.alone, ...this.sinceAlone]) : this.alone;
    const outcome = turn.then(() => this.settle(doc, ticket));
    if (suspect) {
      this.alone = outcome;
      this.sinceAlone = new Set();
    } else {
      const since = this.sinceAlone;
      since.add(outcome);
      void outcome.then(() => since.delete(outcome));
    }
    return outcome;
  }

  private async settle(doc: DocumentRow, ticket: number): Promise<IndexOutcome> {
    let outcome: IndexOutcome;
    try {
      outcome = await this.run(doc, ticket);
    } catch (error) {
      // Its claim is no longer ours: nothing is recorded on it.
      if (this.handedBack.has(doc.id))
        outcome = { id: doc.id, status: "abandoned", chunk_count: 0, error: handedBack };
      else
        outcome = await this.settleFailure(doc, error).catch((e: unknown) => {
          this.deps.log.error("index outcome not recorded", { documentId: doc.id, error: e });
          return { id: doc.id, status: "failed" as const, chunk_count: 0, error: reason(error) };
        });
    } finally {
      this.budget.release(ticket);
      this.inFlight.delete(doc.id);
    }
    indexedDocuments({ outcome: outcome.status });
    const waiters = this.settledWaiters;
    this.settledWaiters = [];
    for (const w of waiters) w();
    return outcome;
  }

  private async run(doc: DocumentRow, ticket: number): Promise<IndexOutcome> {
    const entry = this.inFlight.get(doc.id);
    if (entry === undefined || this.releasing) throw new HandedBack();
    const maxAttempts = this.deps.config.INDEX_MAX_ATTEMPTS;
    entry.attempt = startAttempt(this.deps.db, doc, maxAttempts, limitReason.attempts(maxAttempts)).then(
      (start) => {
        entry.started = start.started;
        return start;
      },
    );
    const start = await entry.attempt;
    this.stopIfHandedBack(doc);
    if (!start.started) {
      if (start.unfinished === undefined)
        return { id: doc.id, status: "abandoned", chunk_count: 0, error: claimLost };
      const why = limitReason.attempts(maxAttempts);
      this.deps.log.warn("indexing failed", { documentId: doc.id, error: why });
      return { id: doc.id, status: "failed", chunk_count: 0, error: why };
    }
    await this.budget.acquire(ticket, Number(doc.size));
    const collection = await findCollection(this.deps.db, doc.collection_id);
    if (collection === undefined) throw new Error(`collection ${doc.collection_id} no longer exists`);
    const stages = emptyTimings();
    this.embeddings.expect();
    let prepared: PreparedDocument;
    try {
      prepared = await prepareDocument(this.deps, collection, doc, stages);
      this.stopIfHandedBack(doc);
    } catch (error) {
      this.embeddings.withdraw();
      throw error;
    } finally {
      for (const stage of ["fetch", "extract", "chunk"] as const) this.record(stage, stages[stage]);
    }
    // Its texts count as coming until they are queued, so a request does not leave without
    // them, unless the document must wait for room: then the documents it waits for may be
    // the ones whose requests would wait for it.
    const fits = this.budget.tryAcquire(ticket, prepared.footprint);
    if (!fits) {
      this.embeddings.withdraw();
      await this.budget.acquire(ticket, prepared.footprint);
    }
    const vectors = await this.embeddings.embed(
      prepared.chunks.map((chunk) => chunk.text),
      fits,
    );
    const embedded: EmbeddedDocument = { ...prepared, vectors };
    // From here the document is written whole or not at all, even when the worker is stopping.
    if (this.releasing) throw new HandedBack();
    entry.writing = true;
    if (!(await this.vectorWrites.write(embedded))) {
      return { id: doc.id, status: "abandoned", chunk_count: 0, error: claimLost };
    }
    try {
      return await this.rowWrites.write(embedded);
    } catch (error) {
      // The rows will not come: the vectors just written go again, so that a failed document
      // is found by no search. (After an outage the next try replaces them.)
      if (!isTransient(error)) {
        const target = { id: collection.id, dimension: collection.embedding_dimension };
        await this.deps.vectors.deleteDocuments(target, [doc.id]).catch(() => undefined);
      }
      throw error;
    }
  }

  private stopIfHandedBack(doc: DocumentRow): void {
    if (this.handedBack.has(doc.id)) throw new HandedBack();
  }

  /**
   * PGlite keeps no planner statistics and vacuums nothing by itself: after chunks were written,
   * the tables that changed enough are analysed (and vacuumed), as autovacuum would on a server.
   * The documents are committed whatever happens here.
   */
  private async maintain(): Promise<void> {
    try {
      const done = (await this.deps.db.maintain?.()) ?? [];
      if (done.length > 0) this.deps.log.debug("tables maintained", { commands: done });
    } catch (error) {
      this.deps.log.warn("table maintenance failed", { error });
    }
  }

  private async timed<R>(
    step: (deps: IndexDeps, group: EmbeddedDocument[], timings: StageTimings) => Promise<R[]>,
    group: EmbeddedDocument[],
  ): Promise<R[]> {
    const stages = emptyTimings();
    try {
      return await step(this.deps, group, stages);
    } finally {
      this.record("upsert", stages.upsert);
      this.record("sql", stages.sql);
    }
  }

  private record(stage: keyof StageTimings, ms: number): void {
    indexDuration({ stage }, ms / 1000);
    if (this.options.timings) this.options.timings[stage] += ms;
  }

  /** One document's failure is recorded on that document (failed, or deferred for an outage). */
  private async settleFailure(doc: DocumentRow, error: unknown): Promise<IndexOutcome> {
    const why = reason(error);
    if (error instanceof NeedsNodeRuntime && this.deps.extractor.formats !== "all") {
      // Neither the document's fault nor an outage: Node's index workers read it. Its try is not
      // counted, and this runtime claims it no more (claim-documents.ts).
      const waiting = `waiting for an index worker on Node: ${why}`;
      this.deps.log.info("indexing left to Node", { documentId: doc.id, reason: why });
      await this.deps.db.query(sql`
        update documents set index_status = 'pending', index_error = ${waiting}, claim_token = null,
          claimed_at = null, index_on_node_only = true, index_attempts = greatest(index_attempts - 1, 0)
        where id = ${doc.id} and claim_token = ${doc.claim_token}`);
      return { id: doc.id, status: "deferred", chunk_count: 0, error: waiting };
    }
    if (isTransient(error)) {
      // A dependency is down (or its breaker open): the document waits and is tried again,
      // later each time, instead of failing for an outage that is not its fault.
      const delayS = retryDelayS(doc.index_deferrals + 1);
      this.deps.log.warn("indexing deferred", { documentId: doc.id, error: why, retryInS: delayS });
      await this.deps.db.query(sql`
        update documents set index_status = 'pending', index_error = ${why}, claim_token = null,
          index_deferrals = index_deferrals + 1, index_retry_at = now() + make_interval(secs => ${delayS})
        where id = ${doc.id} and claim_token = ${doc.claim_token}`);
      return { id: doc.id, status: "deferred", chunk_count: 0, error: why };
    }
    this.deps.log.warn("indexing failed", { documentId: doc.id, error: why });
    await this.deps.db.query(sql`
      update documents set index_status = 'failed', index_error = ${why}, claim_token = null
      where id = ${doc.id} and claim_token = ${doc.claim_token}`);
    return { id: doc.id, status: "failed", chunk_count: 0, error: why };
  }

  private async renewClaims(): Promise<void> {
    if (this.inFlight.size === 0) return;
    const ids = [...this.inFlight.keys()];
    try {
      await renewClaims(this.deps.db, { ids, tokens: [...this.inFlight.values()].map((d) => d.token) });
    } catch (error) {
      this.deps.log.warn("claims not renewed", { documents: ids.length, error });
    }
  }
}
