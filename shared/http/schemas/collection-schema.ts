import { z } from "@hono/zod-openapi";
import { defaultChunkSettings } from "../../chunking/chunk-settings.js";
import { ChunkingOverridesSchema as chunkingOverrides } from "../../chunking/chunking-overrides.js";
import { type CollectionCounts, emptyCounts } from "../../collections/collection-counts.js";
import { cleanCollectionName } from "../../collections/collection-name.js";
import type { Collection } from "../../collections/collections.js";
import { ocrLanguages } from "../../extract/ocr/ocr-languages.js";
import { nonBlankPattern, nonBlankText } from "./text.js";

const defaults = Object.entries(defaultChunkSettings)
  .map(([kind, d]) => `${kind} ${d.size}/${d.overlap}`)
  .join(", ");

/**
 * The library's own validator (createCollection checks with the same object), documented.
 * `.meta`, not `.openapi`: zod gives each schema its methods when it is made, and the library's
 * may be made before @hono/zod-openapi adds `.openapi` (zod-to-openapi reads both).
 */
export const ChunkingOverridesSchema = chunkingOverrides.meta({
  description:
    "Chunk size and overlap in characters, per kind of document. The overlap must be below the size; " +
    `a field left out takes the kind's default (size/overlap: ${defaults}).`,
  example: { pdf: { size: 800, overlap: 80 } },
});

/** A new collection's name, cleaned as the library stores it (createCollection cleans it too). */
export const CollectionNameSchema = nonBlankText()
  .max(200)
  .transform(cleanCollectionName)
  .pipe(z.string().min(1, "Nothing visible is left once cleaned").max(200))
  .openapi({
    type: "string",
    minLength: 1,
    maxLength: 200,
    pattern: nonBlankPattern,
    description:
      "Stored without invisible characters (controls, zero-width, bidirectional), with compatibility " +
      "forms folded (NFKC) and runs of whitespace as one space. Unique by how it reads: case, width and " +
      "look-alike letters from other scripts (Unicode confusables) do not make a new name.",
    example: "policies",
  });

const languageDescription =
  "The text-search configuration keyword search analyses the collection's documents and queries with: " +
  "one PostgreSQL ships, such as english, french, german, spanish, italian, portuguese, dutch, russian, " +
  "arabic or simple (no stemming, for languages PostgreSQL has no stemmer for, e.g. Swahili, Chinese, " +
  "Japanese, Korean). The list depends on the PostgreSQL version; an unknown name is refused with the list. " +
  "Words of Chinese, Japanese, Thai and Korean text are separated for search in every language.";

/** A new collection's language (createCollection checks it against the database's list). */
export const CollectionLanguageSchema = z
  .string()
  .min(1)
  .max(63)
  .openapi({ description: `${languageDescription} Chosen once; english when absent.`, example: "french" });

const ocrLanguagesDescription =
  `The languages OCR reads the collection's scanned PDF pages and images in, as tesseract codes: some of ${ocrLanguages.join(", ")} ` +
  "(the ones this server ships; docs/ocr.md says how to add one). Several may be given, most frequent first; each " +
  "one more makes OCR slower.";

/** A new collection's OCR languages (createCollection checks them against the installed ones). */
export const CollectionOcrLanguagesSchema = z
  .array(z.string().min(1).max(20))
  .min(1)
  .max(4)
  .openapi({
    description: `${ocrLanguagesDescription} Chosen once; when absent, the language of \`language\` where OCR has it (french: fra, german: deu, spanish: spa), else eng.`,
    example: ["fra"],
  });

const analyticsTextDescription =
  "What retrieval analytics keeps of this collection's query texts: off (nothing: counts, latencies, documents " +
  "returned), hashed (a keyed hash of the normalised text, so repeated questions can be counted but not read), " +
  "or full (the text, shown in GET /analytics/queries for groups of at least ANALYTICS_MIN_COUNT).";

export const AnalyticsTextSchema = z
  .enum(["off", "hashed", "full"])
  .openapi({ description: analyticsTextDescription, example: "hashed" });

const rerankDescription =
  "Whether this collection's queries are reranked when they do not say (`rerank` in POST /query): true or " +
  "false, or null to follow the server's RERANK_DEFAULT. Reranking needs a reranker configured on the server " +
  "(RERANKER); without one, a query this default asks to rerank keeps the fused order, with the response header " +
  "`Docstack-Rerank: fallback; reason=not-configured`.";

/** A new collection's reranking default. */
export const CollectionRerankSchema = z
  .boolean()
  .openapi({ description: `${rerankDescription} Chosen once; null (the server's default) when absent.` });

export const CollectionCountsSchema = z
  .object({
    documents: z
      .number()
      .int()
      .openapi({ description: "Documents in the collection, whatever their index status" }),
    chunks: z.number().int().openapi({ description: "Passages of its indexed documents" }),
    bytes: z.number().int().openapi({ description: "The size of its documents' files, in bytes" }),
    pending: z.number().int().openapi({ description: "Documents waiting to be indexed" }),
    indexing: z.number().int().openapi({ description: "Documents being indexed now" }),
    indexed: z.number().int(),
    failed: z.number().int().openapi({ description: "Documents whose indexing failed (each says why)" }),
  })
  .openapi("CollectionCounts", { description: "What the collection holds when the answer was made" });

export const CollectionSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    description: z.string(),
    embedding_model: z.string(),
    embedding_dimension: z.number().int(),
    chunking: ChunkingOverridesSchema,
    language: z.string().openapi({ description: languageDescription, example: "english" }),
    ocr_languages: z.array(z.string()).openapi({ description: ocrLanguagesDescription, example: ["eng"] }),
    analytics_text: AnalyticsTextSchema,
    rerank: z.boolean().nullable().openapi({ description: rerankDescription, example: null }),
    created_at: z.string().openapi({ format: "date-time" }),
    counts: CollectionCountsSchema,
  })
  .openapi("Collection");

/** A page of collections: GET /collections and the MCP list_collections tool. */
export const CollectionPageSchema = z.object({
  items: z.array(CollectionSchema),
  total: z.number().int(),
  limit: z.number().int(),
  offset: z.number().int(),
});

export function collectionView(
  c: Collection,
  counts: CollectionCounts = emptyCounts,
): z.infer<typeof CollectionSchema> {
  // Field by field: internal columns (index_version, a bigint JSON cannot carry) stay inside.
  return {
    id: c.id,
    name: c.name,
    description: c.description,
    embedding_model: c.embedding_model,
    embedding_dimension: c.embedding_dimension,
    chunking: c.chunking,
    language: c.language,
    ocr_languages: c.ocr_languages,
    analytics_text: c.analytics_text,
    rerank: c.rerank,
    created_at: new Date(c.created_at).toISOString(),
    counts,
  };
}
