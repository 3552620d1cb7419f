import type { Embedder } from "../embeddings/embedder.js";

interface Entry {
  texts: readonly string[];
  vectors: number[][];
  /** Next text to hand to a batch. */
  next: number;
  /** Texts not yet embedded. */
  open: number;
  failed: boolean;
  resolve(vectors: number[][]): void;
  reject(error: unknown): void;
}

/**
 * Embeds the chunks of many documents in shared batches: each request takes up to `batchSize`
 * texts from the head of the queue, from as many documents as it takes to fill it. A request
 * that is not full waits for the documents still being prepared (`expect`) to add theirs, but
 * never longer than `waitMs` after its first text arrived; while requests are in flight, the
 * next ones fill by themselves. When a request of several documents fails with an error that
 * may be one text's (`isolate`), each document's share is sent again alone, so a text the
 * embedder refuses fails its own document, not its neighbours. A failed document's remaining
 * texts are dropped, never sent.
 */
export class EmbeddingQueue {
  private queue: Entry[] = [];
  private running = 0;
  private expected = 0;
  private waitingSince: number | undefined;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly embedder: Pick<Embedder, "embed">,
    private readonly options: {
      batchSize: number;
      /** Requests in flight at once. */
      parallel: number;
      /** How long a request that is not full may wait for more texts. */
      waitMs: number;
      /** Called with each request's milliseconds (stage timings). */
      onBatch?: (ms: number, texts: number) => void;
      /** Whether a failed request's documents are tried again one by one (default: no). */
      isolate?: (error: unknown) => boolean;
    },
  ) {}

  /** A document is being prepared: its texts will come (`embed`) or not (`withdraw`). */
  expect(): void {
    this.expected++;
  }

  withdraw(): void {
    this.expected--;
    this.pump();
  }

  /** One vector per text, in order, once every text of this document is embedded. */
  embed(texts: readonly string[], expected = false): Promise<number[][]> {
    if (expected) this.expected--;
    if (texts.length === 0) {
      this.pump();
      return Promise.resolve([]);
    }
    return new Promise((resolve, reject) => {
      this.queue.push({
        texts,
        vectors: new Array(texts.length),
        next: 0,
        open: texts.length,
        failed: false,
        resolve,
        reject,
      });
      this.pump();
    });
  }

  private queued(): number {
    return this.queue.reduce((n, e) => n + (e.failed ? 0 : e.texts.length - e.next), 0);
  }

  /** A request may go when it is full, nothing more is coming, or it has waited long enough. */
  private ready(): boolean {
    if (this.queued() >= this.options.batchSize || this.expected <= 0) return true;
    const now = performance.now();
    this.waitingSince ??= now;
    const left = this.waitingSince + this.options.waitMs - now;
    if (left <= 0) return true;
    if (this.timer === undefined)
      this.timer = setTimeout(() => {
        this.timer = undefined;
        this.pump();
      }, left);
    return false;
  }

  private pump(): void {
    while (this.running < this.options.parallel && this.queue.length > 0 && this.ready()) {
      this.waitingSince = undefined;
      if (this.timer !== undefined) {
        clearTimeout(this.timer);
        this.timer = undefined;
      }
      const parts = this.take();
      if (parts.length === 0) return;
      this.running++;
      void this.send(parts).finally(() => {
        this.running--;
        this.pump();
      });
    }
  }

  /** The next batch: slices of the documents at the head of the queue. */
  private take(): { entry: Entry; from: number; to: number }[] {
    const parts: { entry: Entry; from: number; to: number }[] = [];
    let room = this.options.batchSize;
    for (const entry of this.queue) {
      if (room === 0) break;
      if (entry.failed || entry.next === entry.texts.length) continue;
      const to = Math.min(entry.texts.length, entry.next + room);
      parts.push({ entry, from: entry.next, to });
      room -= to - entry.next;
      entry.next = to;
    }
    // Entries wholly handed out leave the queue; their results come back through `parts`.
    this.queue = this.queue.filter((e) => !e.failed && e.next < e.texts.length);
    return parts;
  }

  private async send(parts: { entry: Entry; from: number; to: number }[]): Promise<void> {
    const texts = parts.flatMap((p) => p.entry.texts.slice(p.from, p.to));
    const started = performance.now();
    let vectors: number[][] = [];
    let failed = false;
    let failure: unknown;
    try {
      // Chunks of documents: never a query, whatever model embeds them.
      vectors = await this.embedder.embed(texts, "document");
      if (vectors.length !== texts.length) {
        throw new Error(`the embedder returned ${vectors.length} vectors for ${texts.length} texts`);
      }
    } catch (error) {
      failed = true;
      failure = error;
    } finally {
      this.options.onBatch?.(performance.now() - started, texts.length);
    }
    if (failed) {
      const entries = new Set(parts.map((p) => p.entry));
      if (entries.size > 1 && (this.options.isolate?.(failure) ?? false)) {
        for (const entry of entries) {
          if (!entry.failed) await this.send(parts.filter((p) => p.entry === entry));
        }
        return;
      }
      for (const { entry } of parts) {
        if (entry.failed) continue;
        entry.failed = true;
        entry.reject(failure);
      }
      this.queue = this.queue.filter((e) => !e.failed);
      return;
    }
    let offset = 0;
    for (const { entry, from, to } of parts) {
      for (let i = from; i < to; i++) entry.vectors[i] = vectors[offset + i - from] as number[];
      offset += to - from;
      entry.open -= to - from;
      if (entry.open === 0 && !entry.failed) entry.resolve(entry.vectors);
    }
  }
}
