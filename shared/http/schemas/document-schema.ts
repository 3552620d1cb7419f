import { z } from "@hono/zod-openapi";

export const DocumentSchema = z
  .object({
    id: z.uuid(),
    collection_id: z.uuid(),
    filename: z.string(),
    content_type: z.string().openapi({ example: "application/pdf" }),
    size: z.number().int(),
    sha256: z
      .string()
      .openapi({ example: "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08" }),
    upload_date: z.string().openapi({ format: "date-time" }),
    created_by: z.string().nullable(),
    index_status: z.enum(["pending", "indexing", "indexed", "failed"]),
    is_indexed: z.boolean(),
    indexed_at: z.string().nullable().openapi({ format: "date-time" }),
    index_error: z.string().nullable(),
    chunk_count: z.number().int(),
    metadata: z.record(z.string(), z.unknown()),
  })
  .openapi("Document");
