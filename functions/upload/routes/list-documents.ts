import { type OpenAPIHono, z } from "@hono/zod-openapi";
import { documentView } from "../../../shared/documents/document-row.js";
import { listDocuments } from "../../../shared/documents/find-documents.js";
import type { AppEnv } from "../../../shared/http/create-app.js";
import { problemResponses } from "../../../shared/http/problem-schema.js";
import { policyRoute, rateLimited, requireKey } from "../../../shared/http/route-policy.js";
import { PageQuery } from "../../../shared/http/schemas/common.js";
import { DocumentSchema } from "../../../shared/http/schemas/document-schema.js";
import { storedText } from "../../../shared/http/schemas/text.js";

const ListDocumentsQuery = PageQuery.extend({
  collection_id: z.uuid().optional(),
  content_type: storedText().max(200).optional().openapi({ example: "application/pdf" }),
  filename: storedText().max(1000).optional().openapi({ description: "The exact file name" }),
  filename_contains: storedText()
    .max(1000)
    .optional()
    .openapi({ description: "Part of the file name, in any case", example: "report" }),
  index_status: z.enum(["pending", "indexing", "indexed", "failed"]).optional(),
  created_by: storedText().max(200).optional(),
});

export const listDocumentsRoute = policyRoute({
  method: "get",
  path: "/documents",
  operationId: "listDocuments",
  tags: ["upload"],
  summary: "List documents",
  description:
    "The documents the key may see, newest first, with totals (count, total and average size) over everything the filter matches.",
  middleware: [requireKey("read"), rateLimited("default")],
  request: { query: ListDocumentsQuery },
  responses: {
    200: {
      description: "A page of documents",
      content: {
        "application/json": {
          schema: z.object({
            items: z.array(DocumentSchema),
            totals: z.object({
              count: z.number().int(),
              total_size: z.number().int(),
              average_size: z.number().int(),
            }),
            limit: z.number().int(),
            offset: z.number().int(),
          }),
        },
      },
    },
    ...problemResponses("validation_failed"),
  },
});

export function registerListDocuments(app: OpenAPIHono<AppEnv>) {
  app.openapi(listDocumentsRoute, async (c) => {
    const { limit, offset, content_type, ...rest } = c.req.valid("query");
    const page = await listDocuments(
      c.var.deps.db,
      c.var.principal,
      { ...rest, ...(content_type === undefined ? {} : { content_type: [content_type] }) },
      { limit, offset },
    );
    return c.json({ items: page.items.map(documentView), totals: page.totals, limit, offset }, 200);
  });
}
