/**
 * pgvector in PGlite, as `npm start` runs it: a fresh on-disk PGlite per setting, migrated, the
 * corpus upserted through PgvectorStore 500 vectors at a time (PGlite runs each statement
 * synchronously on the event loop), with or without the collection's HNSW index; then every query through
 * PgvectorStore.query at each hnsw.ef_search, against exact search.
 */
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { migrate } from "../../shared/db/migrate.js";
import { createPgliteDatabase } from "../../shared/db/pglite-database.js";
import { sql } from "../../shared/db/sql.js";
import { type PgvectorHnswSettings, PgvectorStore } from "../../shared/vectors/pgvector-store.js";
import type { VectorCollection } from "../../shared/vectors/vector-store.js";
import { indexOf, records } from "./chroma-index-grid.js";
import { type Recall, recallOf } from "./exact-top-k.js";
import { ascending, percentile } from "./stats.js";
import { type Corpus, row, type VectorSet } from "./vector-corpora.js";

/** An HNSW index's build settings, or none: every query an exact scan. */
export type PgvectorIndex = { m: number; efConstruction: number } | "exact";

export interface PgvectorCell {
  efSearch: number | undefined;
  recall: Record<string, Recall>;
  /** Queries answered for the recall (all of each set, or the first `queryLimit`). */
  queries: number;
  queryP50Ms: number;
}

export interface PgvectorResult {
  index: PgvectorIndex;
  vectors: number;
  insertWallS: number;
  msPer1000: number;
  /**
   * This process's CPU ms per 1,000 vectors (PGlite runs in it): what a shared machine disturbs
   * least, where wall time also counts waiting for a core.
   */
  cpuMsPer1000: number;
  /** The slowest upsert of 500 vectors (PgvectorStore cuts it into statements of about 20 ms). */
  maxStatementMs: number;
  /** The event loop's longest stall during the load: what a request waited for at worst. */
  eventLoopMaxMs: number;
  /** ms per 1,000 vectors over the first and the last tenth of the load (growth with size). */
  firstTenthMsPer1000: number;
  lastTenthMsPer1000: number;
  searches: PgvectorCell[];
}

const statement = 500;

export function indexLabel(index: PgvectorIndex): string {
  return index === "exact"
    ? "no index (exact scan)"
    : `HNSW m ${index.m}, ef_construction ${index.efConstruction}`;
}

export async function measurePgvector(
  corpus: Corpus,
  vectors: VectorSet,
  index: PgvectorIndex,
  efSearches: readonly number[],
  exact: Record<string, Int32Array[]>,
  queryLimit: number,
): Promise<PgvectorResult> {
  const dir = mkdtempSync(join(tmpdir(), "docstack-pgvector-bench-"));
  const db = await createPgliteDatabase(dir);
  try {
    await migrate(db);
    const settings = (efSearch: number): PgvectorHnswSettings =>
      index === "exact" ? { m: 16, efConstruction: 64, efSearch } : { ...index, efSearch };
    const loader = new PgvectorStore(db, settings(40));
    const collection: VectorCollection = { id: randomUUID(), dimension: vectors.dimension };
    if (index !== "exact") await loader.ensureCollection(collection);
    const times: number[] = [];
    let cpuMs = 0;
    const stalls = monitorEventLoopDelay({ resolution: 5 });
    stalls.enable();
    for (let i = 0; i < vectors.count; i += statement) {
      const batch = records(vectors, i, Math.min(vectors.count, i + statement));
      const t = performance.now();
      const cpu = process.cpuUsage();
      await loader.upsert(collection, batch);
      const used = process.cpuUsage(cpu);
      cpuMs += (used.user + used.system) / 1000;
      times.push(performance.now() - t);
    }
    stalls.disable();
    const total = times.reduce((a, b) => a + b, 0);
    const tenth = Math.max(1, Math.round(times.length / 10));
    const per1000 = (part: number[]) => (part.reduce((a, b) => a + b, 0) / (part.length * statement)) * 1000;
    await db.query(sql`analyze vectors`);

    const searches: PgvectorCell[] = [];
    for (const efSearch of index === "exact" ? [undefined] : efSearches) {
      const store = new PgvectorStore(db, settings(efSearch ?? 40));
      const recall: Record<string, Recall> = {};
      const latencies: number[] = [];
      let answered = 0;
      for (const [name, queries] of Object.entries(corpus.queries)) {
        const n = Math.min(queries.count, queryLimit);
        const found: number[][] = [];
        for (let q = 0; q < n; q++) {
          const t = performance.now();
          const hits = await store.query(collection, Array.from(row(queries, q)), 10);
          latencies.push(performance.now() - t);
          found.push(hits.map((h) => indexOf(h.documentId, h.chunkIndex)));
        }
        recall[name] = recallOf(found, (exact[name] ?? []).slice(0, n));
        answered += n;
      }
      searches.push({
        efSearch,
        recall,
        queries: answered,
        queryP50Ms: percentile(ascending(latencies), 0.5),
      });
    }
    return {
      index,
      vectors: vectors.count,
      insertWallS: total / 1000,
      msPer1000: (total / vectors.count) * 1000,
      cpuMsPer1000: (cpuMs / vectors.count) * 1000,
      maxStatementMs: Math.max(...times),
      eventLoopMaxMs: stalls.max / 1e6,
      firstTenthMsPer1000: per1000(times.slice(0, tenth)),
      lastTenthMsPer1000: per1000(times.slice(-tenth)),
      searches,
    };
  } finally {
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
