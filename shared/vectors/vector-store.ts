/**
 * Where chunk embeddings live. Production: Chroma. Embedded: pgvector inside PGlite.
 * Vector ids are deterministic (`<document>:<chunk>`), so re-indexing overwrites, never duplicates.
 */
export interface VectorRecord {
  documentId: string;
  chunkIndex: number;
  embedding: number[];
}

export interface VectorHit {
  documentId: string;
  chunkIndex: number;
  /** Cosine similarity: higher is closer. */
  score: number;
}

export interface VectorCollection {
  id: string;
  dimension: number;
}

export interface VectorStore {
  readonly kind: "pgvector" | "chroma";
  ensureCollection(collection: VectorCollection): Promise<void>;
  upsert(collection: VectorCollection, records: VectorRecord[]): Promise<void>;
  /** Nearest neighbours; `documentIds` restricts the search (metadata filters resolve to ids first). */
  query(
    collection: VectorCollection,
    embedding: number[],
    topK: number,
    documentIds?: readonly string[],
  ): Promise<VectorHit[]>;
  /** Idempotent: removes every vector of these documents (one request for all of them). */
  deleteDocuments(collection: VectorCollection, documentIds: readonly string[]): Promise<void>;
  countDocument(collection: VectorCollection, documentId: string): Promise<number>;
  /** Every vector of the collection (backups check exports against it). */
  count(collection: VectorCollection): Promise<number>;
  /**
   * One page of the collection's vectors, in a stable order, for backups. Restores write pages
   * back with `upsert` (ids are deterministic, so a repeated restore overwrites, never duplicates).
   */
  exportPage(collection: VectorCollection, page: { limit: number; offset: number }): Promise<VectorRecord[]>;
  /** Removes the collection and every vector in it (idempotent): reindex, disaster drills. */
  dropCollection(collection: VectorCollection): Promise<void>;
  ping(): Promise<void>;
}

/** Records per upsert request: Chroma caps a request's batch, so stores and guards split there. */
export const upsertRequestRecords = 500;

export function vectorId(documentId: string, chunkIndex: number): string {
  return `${documentId}:${chunkIndex}`;
}
