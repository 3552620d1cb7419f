import { z } from "@hono/zod-openapi";
import type { Collection } from "../../collections/collections.js";

const ChunkSettingsSchema = z.object({
  size: z.number().int().min(50).max(20_000).optional(),
  overlap: z.number().int().min(0).max(10_000).optional(),
});

export const ChunkingOverridesSchema = z
  .partialRecord(z.enum(["pdf", "docx", "txt", "md", "html", "csv"]), ChunkSettingsSchema)
  .openapi({ example: { pdf: { size: 800, overlap: 80 } } });

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
