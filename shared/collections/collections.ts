import type { AnalyticsText } from "../analytics/query-event.js";
import { assertCollection, type Principal } from "../auth/principal.js";
import { ChunkingOverridesSchema } from "../chunking/chunking-overrides.js";
import type { Queryable } from "../db/database.js";
import { sql } from "../db/sql.js";
import type { Embedder } from "../embeddings/embedder.js";
import { ApiError } from "../errors/api-error.js";
import { resolveLanguage } from "./collection-language.js";
import { cleanCollectionName } from "./collection-name.js";
import { resolveOcrLanguages } from "./collection-ocr-languages.js";

export interface Collection {
  id: string;
  name: string;
  description: string;
  embedding_model: string;
  embedding_dimension: number;
  chunking: Record<string, { size?: number; overlap?: number }>;
  /** The text-search configuration its chunks and queries are analysed with (migration 014). */
  language: string;
  /** The languages OCR reads its scanned pages and images in, tesseract codes (migration 015). */
  ocr_languages: string[];
  /** What retrieval analytics keeps of its queries' text (migration 018). */
  analytics_text: AnalyticsText;
  /** Whether its queries are reranked when they do not say; null: the server's default (migration 020). */
  rerank: boolean | null;
  created_at: Date;
  /**
   * Moves whenever what search reads of the collection changes (database triggers, migration
   * 009); cached query answers are keyed by it. A bigint, carried as text.
   */
  index_version: string;
}

/** The columns of a Collection, as its type has them. */
const collectionColumns = sql`id, name, description, embedding_model, embedding_dimension, chunking, language,
  ocr_languages, analytics_text, rerank, created_at, index_version::text as index_version`;

export interface NewCollection {
  name: string;
  description?: string;
  chunking?: Record<string, { size?: number; overlap?: number }>;
  /** A text-search configuration of the database; english when absent. */
  language?: string;
  /** Installed OCR languages; the text-search language's, else English, when absent. */
  ocr_languages?: string[];
  /** off (no text) when absent. */
  analytics_text?: AnalyticsText;
  /** The server's default (null) when absent. */
  rerank?: boolean;
}

/** A new collection, checked and named, not yet stored. */
export interface CollectionDraft {
  id: string;
  name: string;
  keys: { folded: string; visual: string };
  description: string;
  chunking: Collection["chunking"];
  language: string;
  ocr_languages: string[];
  analytics_text: AnalyticsText;
  rerank: boolean | null;
}

/**
 * Checks a new collection: chunking overrides valid, its language one the database has
 * (collection-language.ts), its OCR languages installed (collection-ocr-languages.ts), its name cleaned (collection-name.ts) and not reading like an
 * existing one (collection-name-key.ts; 409 names the one it would be confused with). Touches
 * no store but reads the database.
 */
export async function draftCollection(db: Queryable, input: NewCollection): Promise<CollectionDraft> {
  const chunking = ChunkingOverridesSchema.safeParse(input.chunking ?? {});
  if (!chunking.success) {
    throw new ApiError("validation_failed", "The chunking overrides are invalid", {
      errors: chunking.error.issues.map((i) => ({
        path: ["chunking", ...i.path].join("."),
        message: i.message,
      })),
    });
  }
  const language = await resolveLanguage(db, input.language);
  const ocrLanguages = resolveOcrLanguages(input.ocr_languages, language);
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
  const draft: CollectionDraft = {
    id: crypto.randomUUID(),
    name,
    keys: collectionNameKeys(name),
    description: input.description ?? "",
    chunking: chunking.data,
    language,
    ocr_languages: ocrLanguages,
    analytics_text: input.analytics_text ?? "off",
    rerank: input.rerank ?? null,
  };
  const existing = await collectionReadingLike(db, draft);
  if (existing !== undefined) throw nameConflict(draft, existing);
  return draft;
}

/** The oldest collection whose name reads like the draft's, if any. */
export async function collectionReadingLike(
  db: Queryable,
  draft: CollectionDraft,
): Promise<string | undefined> {
  const [row] = await db.query<{ name: string }>(sql`
    select name from collections
    where name_key = ${draft.keys.folded} or name_skeleton = ${draft.keys.visual} or name = ${draft.name}
    order by created_at limit 1`);
  return row?.name;
}

export function nameConflict(draft: CollectionDraft, existing: string | undefined): ApiError {
  return new ApiError(
    "conflict",
    existing === undefined || existing === draft.name
      ? `A collection named "${draft.name}" already exists`
      : `A collection named "${existing}" already exists, and "${draft.name}" reads the same`,
  );
}

/**
 * Stores a drafted collection, bound to the embedder configured now: its model and dimension
 * are recorded, and indexing or querying with another model is refused (vectors would not
 * compare). A name taken meanwhile fails as the database's unique violation.
 */
export async function insertCollection(
  db: Queryable,
  draft: CollectionDraft,
  embedder: Embedder,
): Promise<Collection> {
  const [row] = await db.query<Collection>(sql`
    insert into collections
      (id, name, name_key, name_skeleton, description, embedding_model, embedding_dimension, chunking, language,
       ocr_languages, analytics_text, rerank)
    values (${draft.id}, ${draft.name}, ${draft.keys.folded}, ${draft.keys.visual}, ${draft.description},
            ${embedder.model}, ${embedder.dimension}, ${JSON.stringify(draft.chunking)}::jsonb, ${draft.language},
            ${draft.ocr_languages}::text[], ${draft.analytics_text}, ${draft.rerank})
    returning ${collectionColumns}`);
  if (row === undefined) throw new Error("insert returned no row");
  return row;
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
