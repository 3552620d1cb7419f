/**
 * One Chroma HNSW graph per (ef_construction, max_neighbors): the corpus upserted through
 * ChromaStore in its batches of 500, timed and its server CPU read from /proc; then each
 * ef_search set on the collection in turn and every query answered (top 10), against exact search.
 */
import { randomUUID } from "node:crypto";
import { ChromaClient } from "chromadb";
import { ChromaStore } from "../../shared/vectors/chroma-store.js";
import type { VectorCollection } from "../../shared/vectors/vector-store.js";
import type { ChromaServer } from "./chroma-server.js";
import { cpuByService } from "./cpu.js";
import { type Recall, recallOf } from "./exact-top-k.js";
import { ascending, percentile } from "./stats.js";
import { type Corpus, row, type VectorSet } from "./vector-corpora.js";

export interface ChromaBuild {
  efConstruction: number;
  maxNeighbors: number;
}

export interface SearchCell {
  efSearch: number;
  /** Recall@10 against exact search, per query set. */
  recall: Record<string, Recall>;
  /** One query per request, over the first `latencyQueries` queries of the first set. */
  queryP50Ms: number;
}

export interface ChromaBuildResult extends ChromaBuild {
  vectors: number;
  insertWallS: number;
  /** Chroma's CPU seconds from the first upsert until it was idle again. */
  insertCpuS: number;
  searches: SearchCell[];
}

/** Chunks per synthetic document: ids and metadata look like the worker's. */
const chunksPerDocument = 50;
const upsertBatch = 500;
const queryBatch = 50;
const latencyQueries = 100;

export function documentOf(i: number): { documentId: string; chunkIndex: number } {
  const doc = Math.floor(i / chunksPerDocument);
  return {
    documentId: `00000000-0000-4000-8000-${doc.toString(16).padStart(12, "0")}`,
    chunkIndex: i % chunksPerDocument,
  };
}

export function indexOf(documentId: string, chunkIndex: number): number {
  return Number.parseInt(documentId.slice(-12), 16) * chunksPerDocument + chunkIndex;
}

export function records(set: VectorSet, from: number, to: number) {
  return Array.from({ length: to - from }, (_, k) => ({
    ...documentOf(from + k),
    embedding: Array.from(row(set, from + k)),
  }));
}

/** Waits until the process has used no CPU for half a second (a minute at most). */
async function settled(pid: number): Promise<void> {
  let last = cpuByService({ p: pid }).p ?? 0;
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 500));
    const now = cpuByService({ p: pid }).p ?? 0;
    if (now - last < 0.02) return;
    last = now;
  }
}

function client(url: string): ChromaClient {
  const u = new URL(url);
  return new ChromaClient({ host: u.hostname, port: Number(u.port), ssl: false });
}

export async function measureChromaBuild(
  server: ChromaServer,
  corpus: Corpus,
  build: ChromaBuild,
  efSearches: readonly number[],
  exact: Record<string, Int32Array[]>,
): Promise<ChromaBuildResult> {
  const store = new ChromaStore({
    url: server.url,
    hnsw: {
      ef_construction: build.efConstruction,
      max_neighbors: build.maxNeighbors,
      ef_search: efSearches[0] ?? 10,
    },
  });
  const collection: VectorCollection = { id: randomUUID(), dimension: corpus.vectors.dimension };
  await store.ensureCollection(collection);
  await settled(server.pid);
  const cpu0 = cpuByService({ chroma: server.pid }).chroma ?? 0;
  const t0 = performance.now();
  for (let i = 0; i < corpus.vectors.count; i += upsertBatch) {
    await store.upsert(
      collection,
      records(corpus.vectors, i, Math.min(corpus.vectors.count, i + upsertBatch)),
    );
  }
  const insertWallS = (performance.now() - t0) / 1000;
  await settled(server.pid);
  const insertCpuS = (cpuByService({ chroma: server.pid }).chroma ?? 0) - cpu0;
  const count = await store.count(collection);
  if (count !== corpus.vectors.count)
    throw new Error(`chroma holds ${count} of ${corpus.vectors.count} vectors`);

  const searches: SearchCell[] = [];
  for (const [k, efSearch] of efSearches.entries()) {
    const name = ChromaStore.collectionName(collection.id);
    if (k > 0) {
      // Chroma 1.4 stores a modified ef_search but keeps searching a loaded graph with the one
      // it was loaded with: a restart loads it again with the new one.
      const h = await client(server.url).getCollection({ name });
      await h.modify({ configuration: { hnsw: { ef_search: efSearch } } });
      await server.restart();
    }
    const handle = await client(server.url).getCollection({ name });
    const recall: Record<string, Recall> = {};
    for (const [name, queries] of Object.entries(corpus.queries)) {
      const found: number[][] = [];
      for (let q = 0; q < queries.count; q += queryBatch) {
        const n = Math.min(queryBatch, queries.count - q);
        const result = await handle.query({
          queryEmbeddings: Array.from({ length: n }, (_, k) => Array.from(row(queries, q + k))),
          nResults: 10,
          include: ["metadatas"],
        });
        for (const metadatas of result.metadatas) {
          found.push(
            metadatas.flatMap((m) => (m ? [indexOf(String(m.document_id), Number(m.chunk_index))] : [])),
          );
        }
      }
      recall[name] = recallOf(found, exact[name] ?? []);
    }
    const first = Object.values(corpus.queries)[0];
    const times: number[] = [];
    for (let q = 0; first && q < Math.min(latencyQueries, first.count); q++) {
      const t = performance.now();
      await store.query(collection, Array.from(row(first, q)), 10);
      times.push(performance.now() - t);
    }
    searches.push({ efSearch, recall, queryP50Ms: percentile(ascending(times), 0.5) });
  }
  await store.dropCollection(collection);
  return { ...build, vectors: corpus.vectors.count, insertWallS, insertCpuS, searches };
}
