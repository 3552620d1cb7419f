import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { assertCollection } from "../../../shared/auth/principal.js";
import { documentView } from "../../../shared/documents/document-row.js";
import { listDocuments } from "../../../shared/documents/find-documents.js";
import type { AppEnv } from "../../../shared/http/create-app.js";
import { problemResponses } from "../../../shared/http/problem-schema.js";
import { PageQuery } from "../../../shared/http/schemas/common.js";
import { DocumentSchema } from "../../../shared/http/schemas/document-schema.js";

const ListDocumentsQuery = PageQuery.extend({
  collection_id: z.uuid().optional(),
  content_type: z.string().max(200).optional().openapi({ example: "application/pdf" }),
  filename: z.string().max(1000).optional(),
  index_status: z.enum(["pending", "indexing", "indexed", "failed"]).optional(),
  created_by: z.string().max(200).optional(),
});

export const listDocumentsRoute = createRoute({
  method: "get",
  path: "/documents",
  operationId: "listDocuments",
  tags: ["upload"],
  summary: "List documents",
  description:
    "Newest first, with totals (count, total and average size) over everything the filter matches.",
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
    const { collections } = c.var.principal;
    if (rest.collection_id !== undefined) assertCollection(c.var.principal, rest.collection_id);
    const page = await listDocuments(
      c.var.deps.db,
      {
        ...rest,
        ...(content_type === undefined ? {} : { content_type: [content_type] }),
        // A key limited to some collections lists only theirs.
        ...(collections === null ? {} : { collection_ids: [...collections] }),
      },
      { limit, offset },
    );
    return c.json({ items: page.items.map(documentView), totals: page.totals, limit, offset }, 200);
  });
}
