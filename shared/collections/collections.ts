import { assertCollection, type Principal } from "../auth/principal.js";
import type { Queryable } from "../db/database.js";
import { isUniqueViolation } from "../db/errors.js";
import { sql } from "../db/sql.js";
import type { Embedder } from "../embeddings/embedder.js";
import { ApiError } from "../errors/api-error.js";
import type { VectorStore } from "../vectors/vector-store.js";

export interface Collection {
  id: string;
  name: string;
  description: string;
  embedding_model: string;
  embedding_dimension: number;
  chunking: Record<string, { size?: number; overlap?: number }>;
  created_at: Date;
  /**
   * Moves whenever what search reads of the collection changes (database triggers, migration
   * 009); cached query answers are keyed by it. A bigint, carried as text.
   */
  index_version: string;
}

/** The columns of a Collection, as its type has them. */
const collectionColumns = sql`id, name, description, embedding_model, embedding_dimension, chunking, created_at,
  index_version::text as index_version`;

export interface NewCollection {
  name: string;
  description?: string;
  chunking?: Record<string, { size?: number; overlap?: number }>;
}

/**
 * A collection is bound to the embedder configured when it is made: its model and dimension
 * are recorded, and indexing or querying with another model is refused (vectors would not compare).
 */
export async function insertCollection(
  db: Queryable,
  vectors: VectorStore,
  embedder: Embedder,
  input: NewCollection,
): Promise<Collection> {
  const id = crypto.randomUUID();
  await vectors.ensureCollection({ id, dimension: embedder.dimension });
  try {
    const [row] = await db.query<Collection>(sql`
      insert into collections (id, name, description, embedding_model, embedding_dimension, chunking)
      values (${id}, ${input.name}, ${input.description ?? ""}, ${embedder.model}, ${embedder.dimension},
              ${JSON.stringify(input.chunking ?? {})}::jsonb)
      returning ${collectionColumns}`);
    if (row === undefined) throw new Error("insert returned no row");
    return row;
  } catch (error) {
    if (isUniqueViolation(error))
      throw new ApiError("conflict", `A collection named "${input.name}" already exists`);
    throw error;
  }
}

export async function findCollection(db: Queryable, id: string): Promise<Collection | undefined> {
  const [row] = await db.query<Collection>(
    sql`select ${collectionColumns} from collections where id = ${id}`,
  );
  return row;
}

export async function getCollection(db: Queryable, id: string): Promise<Collection> {
  const found = await findCollection(db, id);
  if (found === undefined) throw new ApiError("not_found", `Collection ${id} not found`);
  return found;
}

/** The collection, for a caller who may use it: 403 if their key may not, 404 if there is none. */
export async function getCollectionFor(db: Queryable, actor: Principal, id: string): Promise<Collection> {
  assertCollection(actor, id);
  return getCollection(db, id);
}

/** A page of the collections the caller may use. */
export async function listCollections(
  db: Queryable,
  actor: Principal,
  page: { limit: number; offset: number },
): Promise<{ items: Collection[]; total: number }> {
  const only = actor.collections;
  const where = only === null ? sql`true` : sql`id = any(${[...only]}::uuid[])`;
  const items = await db.query<Collection>(
    sql`select ${collectionColumns} from collections where ${where} order by created_at, id limit ${page.limit} offset ${page.offset}`,
  );
  const [count] = await db.query<{ n: number }>(
    sql`select count(*)::int as n from collections where ${where}`,
  );
  return { items, total: count?.n ?? 0 };
}

/** Refuses to mix embedding models in one collection. */
export function assertEmbedderMatches(collection: Collection, embedder: Embedder): void {
  if (
    collection.embedding_model !== embedder.model ||
    collection.embedding_dimension !== embedder.dimension
  ) {
    throw new ApiError(
      "conflict",
      `Collection ${collection.id} was built with ${collection.embedding_model} (${collection.embedding_dimension}d); ` +
        `this server embeds with ${embedder.model} (${embedder.dimension}d). Reindex the collection to switch models.`,
    );
  }
}
