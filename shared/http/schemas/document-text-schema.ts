import { z } from "@hono/zod-openapi";
import { ChunkLocationSchema } from "./location-schema.js";

/** GET /documents/{id}/text (and the MCP get_document tool): a page of a document's extracted text. */
export const DocumentTextSchema = z
  .object({
    document_id: z.uuid(),
    index_status: z.enum(["pending", "indexing", "indexed", "failed"]),
    chunk_count: z.number().int().openapi({ description: "The document's chunks now, over all pages." }),
    text_length: z
      .number()
      .int()
      .nullable()
      .openapi({
        description:
          "The whole extracted text's length in code points; null before the document is first indexed, " +
          "or when it was indexed before extracted texts were kept (re-index it).",
      }),
    offset: z.number().int(),
    limit: z.number().int(),
    text: z
      .object({
        char_start: z.number().int(),
        char_end: z.number().int(),
        text: z.string(),
      })
      .nullable()
      .openapi({
        description:
          "The extracted text from this page's first chunk to the next page's first chunk (to the end on " +
          "the last page): the pages' texts laid end to end are the whole text. Offsets in code points. " +
          "Null when the page has no chunk or its chunks have no location.",
      }),
    chunks: z.array(
      z.object({
        chunk_index: z.number().int(),
        text: z.string().openapi({
          description:
            "What is embedded, searched and returned; a chunk of table rows starts with its header line.",
        }),
        location: ChunkLocationSchema,
      }),
    ),
  })
  .openapi("DocumentText");
