import { type StackState, saveService, startService, stopService, waitReady } from "../infra/local/stack.js";
import { sql } from "../shared/db/sql.js";
import { createCollection, uploadDocument, waitIndexed } from "./lib/api.js";
import type { CorpusEntry } from "./lib/corpus.js";
import { AddressPool, loopbackAddresses } from "./lib/load.js";
import { directDb, log } from "./lib/stack.js";

export interface GrowthRun {
  documents: number;
  failed: number;
  seconds: number;
  /** Documents per second over the first and the last tenth of the documents indexed. */
  firstTenth: number;
  lastTenth: number;
}

/**
 * Does indexing slow down as the collection grows? The whole corpus is uploaded first with the
 * index function stopped, so the worker then has it all before it and is never waiting on
 * uploads; the rate of the first tenth of documents to be indexed is compared with that of the
 * last tenth, from their indexed_at times.
 */
export async function growthRun(
  state: StackState,
  key: string,
  corpus: (CorpusEntry & { bytes: Uint8Array })[],
  uploaders: number,
  deadline: number,
): Promise<GrowthRun> {
  const index = state.services.index;
  if (index === undefined) throw new Error("no index function in the stack state");
  const collection = await createCollection(state, key, `bench-growth-${Date.now()}`);
  await stopService(index);
  const pool = new AddressPool(loopbackAddresses(corpus.length, 30));
  let next = 0;
  try {
    await Promise.all(
      Array.from({ length: uploaders }, async () => {
        for (let i = next++; i < corpus.length; i = next++) {
          const doc = corpus[i];
          if (doc !== undefined) await uploadDocument(pool, state, key, collection, doc, i);
          if (i % 1000 === 999) log(`growth: ${i + 1} uploaded`);
        }
      }),
    );
  } finally {
    pool.destroy();
  }
  startService(index);
  saveService(index);
  await waitReady(index);
  const started = Date.now();
  const status = await waitIndexed(state, key, collection, deadline, (s) =>
    log(`growth: ${s.counts.indexed} of ${s.total} indexed`),
  );
  const seconds = (Date.now() - started) / 1000;
  const db = directDb(state, 1);
  try {
    const rows = await db.query<{ at: Date }>(sql`
      select indexed_at as at from documents
      where collection_id = ${collection}::uuid and index_status = 'indexed' order by indexed_at`);
    const times = rows.map((r) => new Date(r.at).getTime());
    const tenth = Math.max(1, Math.floor(times.length / 10));
    const at = (i: number) => times[Math.min(times.length - 1, Math.max(0, i))] ?? started;
    return {
      documents: corpus.length,
      failed: status.counts.failed,
      seconds,
      // Both from indexed documents' own times (the worker's start-up is in neither).
      firstTenth: tenth / ((at(tenth) - at(0)) / 1000),
      lastTenth: tenth / ((at(times.length - 1) - at(times.length - 1 - tenth)) / 1000),
    };
  } finally {
    await db.close();
  }
}
