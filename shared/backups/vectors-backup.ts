import { join } from "node:path";
import type { Queryable } from "../db/database.js";
import { sql } from "../db/sql.js";
import type { VectorCollection, VectorRecord, VectorStore } from "../vectors/vector-store.js";
import { describeFile, readJsonLinesGz, writeJsonLinesGz } from "./backup-files.js";
import type { BackupComponentManifest, BackupFile } from "./manifest.js";

const pageSize = 500;

/** The first line of each collection's export: what the vectors belong to. */
export interface VectorsHeader {
  collection: { id: string; name: string; embedding_model: string; embedding_dimension: number };
  count: number;
}

/** Each further line: one vector (`id` is `<document>:<chunk>`, as in the stores). */
export interface VectorLine {
  document_id: string;
  chunk_index: number;
  embedding: number[];
}

export function vectorsFile(collectionId: string): string {
  return `vectors/${collectionId}.jsonl.gz`;
}

/** Every vector of the collection, page by page, in the store's stable order. */
export async function* exportedVectors(
  vectors: VectorStore,
  collection: VectorCollection,
): AsyncGenerator<VectorRecord> {
  for (let offset = 0; ; offset += pageSize) {
    const page = await vectors.exportPage(collection, { limit: pageSize, offset });
    yield* page;
    if (page.length < pageSize) return;
  }
}

/**
 * Exports every collection's vectors, page by page, to one gzip'd JSON-lines file each. The
 * exported count must equal the store's count for the collection, or the backup fails.
 */
export async function backupVectors(
  db: Queryable,
  vectors: VectorStore,
  dir: string,
): Promise<BackupComponentManifest> {
  const started = Date.now();
  const collections = await db.query<VectorsHeader["collection"]>(
    sql`select id::text, name, embedding_model, embedding_dimension from collections order by id`,
  );
  const files: BackupFile[] = [];
  let total = 0;
  for (const c of collections) {
    const handle = { id: c.id, dimension: c.embedding_dimension };
    const expected = await vectors.count(handle);
    const header: VectorsHeader = { collection: c, count: expected };
    const lines = (async function* () {
      yield header;
      for await (const r of exportedVectors(vectors, handle)) {
        const line: VectorLine = {
          document_id: r.documentId,
          chunk_index: r.chunkIndex,
          embedding: r.embedding,
        };
        yield line;
      }
    })();
    const written = (await writeJsonLinesGz(join(dir, vectorsFile(c.id)), lines)) - 1;
    const after = await vectors.count(handle);
    if (written !== expected || after !== expected) {
      // Indexing during the export moves the count: the export is not a snapshot, so say so and fail.
      throw new Error(
        `vectors of collection ${c.id}: exported ${written}, the store had ${expected} before and ${after} after`,
      );
    }
    total += written;
    files.push(await describeFile(dir, vectorsFile(c.id)));
  }
  return {
    files,
    size: files.reduce((sum, f) => sum + f.size, 0),
    count: total,
    verified: true,
    verified_at: new Date().toISOString(),
    engine: vectors.kind,
    duration_ms: Date.now() - started,
    details: { collections: collections.length },
  };
}

/** Reads one collection's export: its header and its vectors. */
export async function readVectorsFile(
  path: string,
): Promise<{ header: VectorsHeader; records: VectorRecord[] }> {
  let header: VectorsHeader | undefined;
  const records: VectorRecord[] = [];
  for await (const line of readJsonLinesGz(path)) {
    if (header === undefined) {
      header = line as VectorsHeader;
      continue;
    }
    const v = line as VectorLine;
    records.push({ documentId: v.document_id, chunkIndex: v.chunk_index, embedding: v.embedding });
  }
  if (header === undefined) throw new Error(`${path}: empty vectors export`);
  if (records.length !== header.count) {
    throw new Error(`${path}: holds ${records.length} vectors, its header says ${header.count}`);
  }
  return { header, records };
}

/** Any vector in any of these collections. */
export async function vectorStoreHasData(
  vectors: VectorStore,
  collections: readonly VectorCollection[],
): Promise<boolean> {
  for (const c of collections) if ((await vectors.count(c)) > 0) return true;
  return false;
}

/**
 * With --force into a store that already has vectors: the documents the backup does not know
 * would otherwise stay searchable (and the counts would not match).
 */
async function removeOthers(
  vectors: VectorStore,
  handle: VectorCollection,
  keep: ReadonlySet<string>,
): Promise<void> {
  const others = new Set<string>();
  for await (const r of exportedVectors(vectors, handle))
    if (!keep.has(r.documentId)) others.add(r.documentId);
  if (others.size > 0) await vectors.deleteDocuments(handle, [...others]);
}

/** Writes each collection's vectors back (upsert: deterministic ids), then checks the counts. */
export async function restoreVectors(
  vectors: VectorStore,
  dir: string,
  files: readonly BackupFile[],
): Promise<{ count: number; collections: number }> {
  let count = 0;
  for (const f of files) {
    const { header, records } = await readVectorsFile(join(dir, f.path));
    const handle = { id: header.collection.id, dimension: header.collection.embedding_dimension };
    await vectors.ensureCollection(handle);
    await removeOthers(vectors, handle, new Set(records.map((r) => r.documentId)));
    for (let i = 0; i < records.length; i += pageSize)
      await vectors.upsert(handle, records.slice(i, i + pageSize));
    const now = await vectors.count(handle);
    if (now !== header.count) {
      throw new Error(
        `vectors of collection ${handle.id}: restored store holds ${now}, the backup ${header.count}`,
      );
    }
    count += now;
  }
  return { count, collections: files.length };
}

/** Only the header of a collection's export (which collection, how many vectors). */
export async function readVectorsHeader(path: string): Promise<VectorsHeader> {
  for await (const line of readJsonLinesGz(path)) return line as VectorsHeader;
  throw new Error(`${path}: empty vectors export`);
}
