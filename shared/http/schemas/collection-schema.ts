import { z } from "@hono/zod-openapi";
import { defaultChunkSettings } from "../../chunking/chunk-settings.js";
import { ChunkingOverridesSchema as chunkingOverrides } from "../../chunking/chunking-overrides.js";
import type { Collection } from "../../collections/collections.js";

const defaults = Object.entries(defaultChunkSettings)
  .map(([kind, d]) => `${kind} ${d.size}/${d.overlap}`)
  .join(", ");

/** The library's own validator (createCollection checks with the same object), documented. */
export const ChunkingOverridesSchema = chunkingOverrides.openapi({
  description:
    "Chunk size and overlap in characters, per kind of document. The overlap must be below the size; " +
    `a field left out takes the kind's default (size/overlap: ${defaults}).`,
  example: { pdf: { size: 800, overlap: 80 } },
});

export const CollectionSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    description: z.string(),
    embedding_model: z.string(),
    embedding_dimension: z.number().int(),
    chunking: ChunkingOverridesSchema,
    created_at: z.string().openapi({ format: "date-time" }),
  })
  .openapi("Collection");

export function collectionView(c: Collection): z.infer<typeof CollectionSchema> {
  // Field by field: internal columns (index_version, a bigint JSON cannot carry) stay inside.
  return {
    id: c.id,
    name: c.name,
    description: c.description,
    embedding_model: c.embedding_model,
    embedding_dimension: c.embedding_dimension,
    chunking: c.chunking,
    created_at: new Date(c.created_at).toISOString(),
  };
}
