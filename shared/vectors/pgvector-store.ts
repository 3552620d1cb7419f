import type { Database } from "../db/database.js";
import { and, raw, sql } from "../db/sql.js";
import { writeInSlices } from "../db/write-slices.js";
import {
  type VectorCollection,
  type VectorHit,
  type VectorRecord,
  type VectorStore,
  vectorId,
} from "./vector-store.js";

function literal(embedding: readonly number[]): string {
  return `[${embedding.join(",")}]`;
}

/** pgvector needs a typed dimension for the index; the value is an integer we control. */
function typed(collection: VectorCollection) {
  return raw(`vector(${Math.trunc(collection.dimension)})`);
}

function indexName(collection: VectorCollection): string {
  return `vectors_hnsw_${collection.id.replace(/[^0-9a-f]/gi, "")}`;
}

/** pgvector's HNSW settings: the index's graph (m, ef_construction) and each query's breadth. */
export interface PgvectorHnswSettings {
  m: number;
  efConstruction: number;
  efSearch: number;
}

/**
 * Measured by `npm run bench -- vector-index` (docs/vector-index.md). The index is pgvector's
 * default graph (m 8 halves the insert cost but misses recall@10 0.99 by 20k vectors); the
 * default search breadth, 40, missed it too, so every query searches 200 wide. An index keeps
 * the m and ef_construction it was made with; ef_search applies to every query.
 */
export const pgvectorHnsw: PgvectorHnswSettings = { m: 16, efConstruction: 64, efSearch: 200 };

const int = (n: number) => raw(String(Math.trunc(n)));

/** Embedded vector store: the `vectors` table, one partial HNSW index per collection. */
export class PgvectorStore implements VectorStore {
  readonly kind = "pgvector";
  constructor(
    private readonly db: Database,
    private readonly hnsw: PgvectorHnswSettings = pgvectorHnsw,
  ) {}

  async ensureCollection(collection: VectorCollection): Promise<void> {
    // "if not exists": a collection indexed before keeps its index, and its settings.
    await this.db.query(
      sql`create index if not exists ${raw(indexName(collection))} on vectors using hnsw ((embedding::${typed(collection)}) vector_cosine_ops) with (m = ${int(this.hnsw.m)}, ef_construction = ${int(this.hnsw.efConstruction)}) where collection_id = ${raw(`'${collection.id.replace(/[^0-9a-f-]/gi, "")}'`)}`,
    );
  }

  async upsert(collection: VectorCollection, records: VectorRecord[]): Promise<void> {
    await writeInSlices(this.db.kind, records, (slice) => this.insert(collection, slice));
  }

  private async insert(collection: VectorCollection, records: readonly VectorRecord[]): Promise<void> {
    await this.db.query(sql`
      insert into vectors (id, collection_id, document_id, chunk_index, embedding)
      select r.id, ${collection.id}::uuid, r.document_id::uuid, r.chunk_index, r.embedding::vector
      from jsonb_to_recordset(${JSON.stringify(
        records.map((r) => ({
          id: vectorId(r.documentId, r.chunkIndex),
          document_id: r.documentId,
          chunk_index: r.chunkIndex,
          embedding: literal(r.embedding),
        })),
      )}::jsonb) as r(id text, document_id text, chunk_index int, embedding text)
      on conflict (id) do update set embedding = excluded.embedding, collection_id = excluded.collection_id`);
  }

  async query(
    collection: VectorCollection,
    embedding: number[],
    topK: number,
    documentIds?: readonly string[],
  ): Promise<VectorHit[]> {
    const conditions = [sql`collection_id = ${collection.id}::uuid`];
    if (documentIds !== undefined) conditions.push(sql`document_id = any(${[...documentIds]}::uuid[])`);
    const q = sql`${literal(embedding)}::${typed(collection)}`;
    // Filtered HNSW scans keep searching until enough rows pass the filter (pgvector >= 0.8).
    return this.db.transaction(async (tx) => {
      await tx.query(sql`set local hnsw.iterative_scan = relaxed_order`);
      await tx.query(sql`set local hnsw.ef_search = ${int(this.hnsw.efSearch)}`);
      // Ordered by the output column: the same expression written twice would be two (one per
      // parameter), and an exact scan would compute every distance twice.
      const rows = await tx.query<{ document_id: string; chunk_index: number; distance: number }>(sql`
        select document_id, chunk_index, (embedding::${typed(collection)}) <=> ${q} as distance
        from vectors where ${and(conditions)}
        order by distance
        limit ${topK}`);
      return rows.map((r) => ({
        documentId: r.document_id,
        chunkIndex: r.chunk_index,
        score: 1 - Number(r.distance),
      }));
    });
  }

  async deleteDocuments(_collection: VectorCollection, documentIds: readonly string[]): Promise<void> {
    if (documentIds.length === 0) return;
    await this.db.query(sql`delete from vectors where document_id = any(${[...documentIds]}::uuid[])`);
  }

  async countDocument(_collection: VectorCollection, documentId: string): Promise<number> {
    const [row] = await this.db.query<{ n: number }>(
      sql`select count(*)::int as n from vectors where document_id = ${documentId}::uuid`,
    );
    return row?.n ?? 0;
  }

  async count(collection: VectorCollection): Promise<number> {
    const [row] = await this.db.query<{ n: number }>(
      sql`select count(*)::int as n from vectors where collection_id = ${collection.id}::uuid`,
    );
    return row?.n ?? 0;
  }

  async exportPage(
    collection: VectorCollection,
    page: { limit: number; offset: number },
  ): Promise<VectorRecord[]> {
    // pgvector prints float4 values in their shortest round-tripping form, so text is lossless.
    const rows = await this.db.query<{ document_id: string; chunk_index: number; embedding: string }>(sql`
      select document_id::text, chunk_index, embedding::text as embedding
      from vectors where collection_id = ${collection.id}::uuid
      order by id limit ${page.limit} offset ${page.offset}`);
    return rows.map((r) => ({
      documentId: r.document_id,
      chunkIndex: r.chunk_index,
      embedding: JSON.parse(r.embedding) as number[],
    }));
  }

  async dropCollection(collection: VectorCollection): Promise<void> {
    // The index is per collection and typed by its dimension: a new model may bring another one.
    await this.db.query(sql`drop index if exists ${raw(indexName(collection))}`);
    await this.db.query(sql`delete from vectors where collection_id = ${collection.id}::uuid`);
  }

  async ping(): Promise<void> {
    const [row] = await this.db.query<{ ready: boolean }>(
      sql`select to_regclass('vectors') is not null as ready`,
    );
    if (!row?.ready) {
      throw new Error(
        "VECTOR_STORE=pgvector needs the pgvector extension on the database server (or use VECTOR_STORE=chroma)",
      );
    }
  }
}
