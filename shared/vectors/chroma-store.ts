import { ChromaClient, type Collection } from "chromadb";
import {
  upsertRequestRecords,
  type VectorCollection,
  type VectorHit,
  type VectorRecord,
  type VectorStore,
  vectorId,
} from "./vector-store.js";

/** The HNSW settings of the collections a ChromaStore creates (Chroma 1.x names). */
export interface ChromaHnswSettings {
  ef_construction: number;
  max_neighbors: number;
  ef_search: number;
}

/**
 * Measured by `npm run bench -- vector-index` (docs/vector-index.md): the cheapest inserts that
 * keep recall@10 at least 0.99 of exact search on SciFact and on 100k passages. ef_construction
 * 64 halves Chroma's insert CPU against 200; search breadth 200 is what 100k needs (100 fell short
 * there), costs a few milliseconds a query, and keeps top-k exact on small collections (a graph
 * rebuilt by a restore must answer the DR drill's queries as before). Collections keep the
 * settings they were made with; a reindex remakes one with these.
 */
export const chromaHnsw: ChromaHnswSettings = { ef_construction: 64, max_neighbors: 16, ef_search: 200 };

export interface ChromaStoreOptions {
  url: string;
  token?: string;
  /** The index settings of collections made from now on; chromaHnsw unless a benchmark varies them. */
  hnsw?: ChromaHnswSettings;
}

/** Production vector store: one Chroma collection per Docstack collection, cosine space. */
export class ChromaStore implements VectorStore {
  readonly kind = "chroma";
  private readonly client: ChromaClient;
  private readonly collections = new Map<string, Promise<Collection>>();
  private readonly hnsw: ChromaHnswSettings;

  constructor(options: ChromaStoreOptions) {
    this.hnsw = options.hnsw ?? chromaHnsw;
    const url = new URL(options.url);
    const ssl = url.protocol === "https:";
    this.client = new ChromaClient({
      host: url.hostname,
      port: url.port ? Number(url.port) : ssl ? 443 : 80,
      ssl,
      headers: options.token ? { Authorization: `Bearer ${options.token}` } : {},
    });
  }

  static collectionName(id: string): string {
    return `docstack_${id}`;
  }

  private open(collection: VectorCollection): Promise<Collection> {
    let handle = this.collections.get(collection.id);
    if (handle === undefined) {
      handle = this.client
        .getOrCreateCollection({
          name: ChromaStore.collectionName(collection.id),
          embeddingFunction: null,
          metadata: { dimension: collection.dimension },
          configuration: { hnsw: { space: "cosine", ...this.hnsw } },
        })
        .catch((error: unknown) => {
          this.collections.delete(collection.id);
          throw error;
        });
      this.collections.set(collection.id, handle);
    }
    return handle;
  }

  /**
   * Runs `op` on the collection's cached handle. A handle goes stale when its Chroma collection
   * is deleted and made again (a restore into a wiped Chroma, an operator's repair): Chroma then
   * answers 404 for the old collection id, so the handle is dropped and `op` runs once more on a
   * fresh one, and the functions need no restart.
   */
  private async use<T>(collection: VectorCollection, op: (c: Collection) => Promise<T>): Promise<T> {
    const handle = this.open(collection);
    try {
      return await op(await handle);
    } catch (error) {
      if ((error as Error).name !== "ChromaNotFoundError") throw error;
      if (this.collections.get(collection.id) === handle) this.collections.delete(collection.id);
      return op(await this.open(collection));
    }
  }

  async ensureCollection(collection: VectorCollection): Promise<void> {
    await this.use(collection, (c) => c.count());
  }

  async upsert(collection: VectorCollection, records: VectorRecord[]): Promise<void> {
    for (let i = 0; i < records.length; i += upsertRequestRecords) {
      const batch = records.slice(i, i + upsertRequestRecords);
      await this.use(collection, (c) =>
        c.upsert({
          ids: batch.map((r) => vectorId(r.documentId, r.chunkIndex)),
          embeddings: batch.map((r) => r.embedding),
          metadatas: batch.map((r) => ({ document_id: r.documentId, chunk_index: r.chunkIndex })),
        }),
      );
    }
  }

  async query(
    collection: VectorCollection,
    embedding: number[],
    topK: number,
    documentIds?: readonly string[],
  ): Promise<VectorHit[]> {
    if (documentIds !== undefined && documentIds.length === 0) return [];
    const result = await this.use(collection, (c) =>
      c.query({
        queryEmbeddings: [embedding],
        nResults: topK,
        include: ["metadatas", "distances"],
        ...(documentIds === undefined ? {} : { where: { document_id: { $in: [...documentIds] } } }),
      }),
    );
    const metadatas = result.metadatas[0] ?? [];
    const distances = result.distances[0] ?? [];
    const hits: VectorHit[] = [];
    metadatas.forEach((m, i) => {
      if (m === null) return;
      hits.push({
        documentId: String(m.document_id),
        chunkIndex: Number(m.chunk_index),
        score: 1 - Number(distances[i] ?? 1),
      });
    });
    return hits;
  }

  async deleteDocuments(collection: VectorCollection, documentIds: readonly string[]): Promise<void> {
    const [only] = documentIds;
    if (only === undefined) return;
    await this.use(collection, (c) =>
      c.delete({
        where: { document_id: documentIds.length === 1 ? only : { $in: [...documentIds] } },
      }),
    );
  }

  async countDocument(collection: VectorCollection, documentId: string): Promise<number> {
    const got = await this.use(collection, (c) => c.get({ where: { document_id: documentId }, include: [] }));
    return got.ids.length;
  }

  async count(collection: VectorCollection): Promise<number> {
    return this.use(collection, (c) => c.count());
  }

  async exportPage(
    collection: VectorCollection,
    page: { limit: number; offset: number },
  ): Promise<VectorRecord[]> {
    const got = await this.use(collection, (c) =>
      c.get({ limit: page.limit, offset: page.offset, include: ["embeddings", "metadatas"] }),
    );
    return got.ids.map((id, i) => {
      const m = got.metadatas[i];
      const embedding = got.embeddings[i];
      // A record without our metadata or embedding was not written by Docstack: refuse to guess.
      if (m === null || m === undefined || embedding === undefined) {
        throw new Error(
          `chroma record ${id} in ${ChromaStore.collectionName(collection.id)} has no metadata or embedding`,
        );
      }
      return {
        documentId: String(m.document_id),
        chunkIndex: Number(m.chunk_index),
        embedding: Array.from(embedding),
      };
    });
  }

  async dropCollection(collection: VectorCollection): Promise<void> {
    this.collections.delete(collection.id);
    try {
      await this.client.deleteCollection({ name: ChromaStore.collectionName(collection.id) });
    } catch (error) {
      if ((error as Error).name !== "ChromaNotFoundError") throw error;
    }
  }

  async ping(): Promise<void> {
    await this.client.heartbeat();
  }
}
