import { ChromaClient, type Collection } from "chromadb";
import {
  type VectorCollection,
  type VectorHit,
  type VectorRecord,
  type VectorStore,
  vectorId,
} from "./vector-store.js";

export interface ChromaStoreOptions {
  url: string;
  token?: string;
}

/** Chroma caps one request's batch; stay well below it. */
const upsertBatch = 500;

/** Production vector store: one Chroma collection per Docstack collection, cosine space. */
export class ChromaStore implements VectorStore {
  readonly kind = "chroma";
  private readonly client: ChromaClient;
  private readonly collections = new Map<string, Promise<Collection>>();

  constructor(options: ChromaStoreOptions) {
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
          configuration: { hnsw: { space: "cosine" } },
        })
        .catch((error: unknown) => {
          this.collections.delete(collection.id);
          throw error;
        });
      this.collections.set(collection.id, handle);
    }
    return handle;
  }

  async ensureCollection(collection: VectorCollection): Promise<void> {
    await this.open(collection);
  }

  async upsert(collection: VectorCollection, records: VectorRecord[]): Promise<void> {
    const c = await this.open(collection);
    for (let i = 0; i < records.length; i += upsertBatch) {
      const batch = records.slice(i, i + upsertBatch);
      await c.upsert({
        ids: batch.map((r) => vectorId(r.documentId, r.chunkIndex)),
        embeddings: batch.map((r) => r.embedding),
        metadatas: batch.map((r) => ({ document_id: r.documentId, chunk_index: r.chunkIndex })),
      });
    }
  }

  async query(
    collection: VectorCollection,
    embedding: number[],
    topK: number,
    documentIds?: readonly string[],
  ): Promise<VectorHit[]> {
    if (documentIds !== undefined && documentIds.length === 0) return [];
    const c = await this.open(collection);
    const result = await c.query({
      queryEmbeddings: [embedding],
      nResults: topK,
      include: ["metadatas", "distances"],
      ...(documentIds === undefined ? {} : { where: { document_id: { $in: [...documentIds] } } }),
    });
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

  async deleteDocument(collection: VectorCollection, documentId: string): Promise<void> {
    const c = await this.open(collection);
    await c.delete({ where: { document_id: documentId } });
  }

  async countDocument(collection: VectorCollection, documentId: string): Promise<number> {
    const c = await this.open(collection);
    const got = await c.get({ where: { document_id: documentId }, include: [] });
    return got.ids.length;
  }

  async count(collection: VectorCollection): Promise<number> {
    const c = await this.open(collection);
    return c.count();
  }

  async exportPage(
    collection: VectorCollection,
    page: { limit: number; offset: number },
  ): Promise<VectorRecord[]> {
    const c = await this.open(collection);
    const got = await c.get({ limit: page.limit, offset: page.offset, include: ["embeddings", "metadatas"] });
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

  async ping(): Promise<void> {
    await this.client.heartbeat();
  }
}
