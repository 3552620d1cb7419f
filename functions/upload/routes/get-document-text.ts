import { type OpenAPIHono, z } from "@hono/zod-openapi";
import { getDocumentText } from "../../../shared/documents/document-text.js";
import type { AppEnv } from "../../../shared/http/create-app.js";
import { problemResponses } from "../../../shared/http/problem-schema.js";
import { policyRoute, rateLimited, requireKey } from "../../../shared/http/route-policy.js";
import { IdParams, PageQuery } from "../../../shared/http/schemas/common.js";
import { ChunkLocationSchema } from "../../../shared/http/schemas/location-schema.js";

const DocumentTextSchema = z
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

export const getDocumentTextRoute = policyRoute({
  method: "get",
  path: "/documents/{id}/text",
  operationId: "getDocumentText",
  tags: ["upload"],
  summary: "Get a document's extracted text and its chunks",
  description:
    "What indexing extracted and how it was chunked, with each chunk's location, paged over chunks in " +
    "order (offset and limit count chunks): the chunks search sees now, to check why a passage was or " +
    "was not found. A document not yet indexed has no chunks.",
  middleware: [requireKey("read"), rateLimited("default")],
  request: { params: IdParams, query: PageQuery },
  responses: {
    200: {
      description: "A page of the extracted text",
      content: { "application/json": { schema: DocumentTextSchema } },
    },
    ...problemResponses("not_found", "validation_failed"),
  },
});

export function registerGetDocumentText(app: OpenAPIHono<AppEnv>) {
  app.openapi(getDocumentTextRoute, async (c) => {
    const { limit, offset } = c.req.valid("query");
    const page = await getDocumentText(c.var.deps.db, c.var.principal, c.req.valid("param").id, {
      limit,
      offset,
    });
    return c.json(page, 200);
  });
}
