import { ChunkingOverridesSchema } from "../chunking/chunking-overrides.js";
import type { Queryable } from "../db/database.js";
import { isUniqueViolation } from "../db/errors.js";
import { sql } from "../db/sql.js";
import type { Embedder } from "../embeddings/embedder.js";
import { ApiError } from "../errors/api-error.js";
import type { VectorStore } from "../vectors/vector-store.js";
import { cleanCollectionName } from "./collection-name.js";

export interface Collection {
  id: string;
  name: string;
  description: string;
  embedding_model: string;
  embedding_dimension: number;
  chunking: Record<string, { size?: number; overlap?: number }>;
  created_at: Date;
}

export interface NewCollection {
  name: string;
  description?: string;
  chunking?: Record<string, { size?: number; overlap?: number }>;
}

/**
 * A collection is bound to the embedder configured when it is made: its model and dimension
 * are recorded, and indexing or querying with another model is refused (vectors would not compare).
 * Its name is cleaned (collection-name.ts) and must not read like an existing one
 * (collection-name-key.ts): 409 names the collection it would be confused with.
 */
export async function createCollection(
  db: Queryable,
  vectors: VectorStore,
  embedder: Embedder,
  input: NewCollection,
): Promise<Collection> {
  const chunking = ChunkingOverridesSchema.safeParse(input.chunking ?? {});
  if (!chunking.success) {
    throw new ApiError("validation_failed", "The chunking overrides are invalid", {
      errors: chunking.error.issues.map((i) => ({
        path: ["chunking", ...i.path].join("."),
        message: i.message,
      })),
    });
  }
  const name = cleanCollectionName(input.name);
  if (name === "") {
    throw new ApiError(
      "validation_failed",
      "The collection name is empty once invisible characters are removed",
      {
        errors: [{ path: "name", message: "Nothing visible is left once cleaned" }],
      },
    );
  }
  // Loaded here, not with the module: Unicode's confusables table is only needed to create one.
  const { collectionNameKeys } = await import("./collection-name-key.js");
  const keys = collectionNameKeys(name);
  const lookalike = async () =>
    (
      await db.query<{ name: string }>(sql`
        select name from collections
        where name_key = ${keys.folded} or name_skeleton = ${keys.visual} or name = ${name}
        order by created_at limit 1`)
    )[0]?.name;
  const conflict = (existing: string | undefined) =>
    new ApiError(
      "conflict",
      existing === undefined || existing === name
        ? `A collection named "${name}" already exists`
        : `A collection named "${existing}" already exists, and "${name}" reads the same`,
    );
  // Checked before the vector store is touched, so a refused name leaves nothing behind there.
  const existing = await lookalike();
  if (existing !== undefined) throw conflict(existing);
  const id = crypto.randomUUID();
  await vectors.ensureCollection({ id, dimension: embedder.dimension });
  try {
    const [row] = await db.query<Collection>(sql`
      insert into collections
        (id, name, name_key, name_skeleton, description, embedding_model, embedding_dimension, chunking)
      values (${id}, ${name}, ${keys.folded}, ${keys.visual}, ${input.description ?? ""}, ${embedder.model},
              ${embedder.dimension}, ${JSON.stringify(chunking.data)}::jsonb)
      returning *`);
    if (row === undefined) throw new Error("insert returned no row");
    return row;
  } catch (error) {
    // Inside a caller's transaction the failed insert aborts it, and the look-up with it.
    if (isUniqueViolation(error)) throw conflict(await lookalike().catch(() => undefined));
    throw error;
  }
}

export async function findCollection(db: Queryable, id: string): Promise<Collection | undefined> {
  const [row] = await db.query<Collection>(sql`select * from collections where id = ${id}`);
  return row;
}

export async function getCollection(db: Queryable, id: string): Promise<Collection> {
  const found = await findCollection(db, id);
  if (found === undefined) throw new ApiError("not_found", `Collection ${id} not found`);
  return found;
}

/** A page of collections; `only` (an API key's collections) limits the listing to those. */
export async function listCollections(
  db: Queryable,
  page: { limit: number; offset: number },
  only: readonly string[] | null = null,
): Promise<{ items: Collection[]; total: number }> {
  const where = only === null ? sql`true` : sql`id = any(${[...only]}::uuid[])`;
  const items = await db.query<Collection>(
    sql`select * from collections where ${where} order by created_at, id limit ${page.limit} offset ${page.offset}`,
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
