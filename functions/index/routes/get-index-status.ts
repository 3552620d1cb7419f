import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { assertAllCollections, assertCollection } from "../../../shared/auth/principal.js";
import { getCollection } from "../../../shared/collections/collections.js";
import { sql } from "../../../shared/db/sql.js";
import type { AppEnv } from "../../../shared/http/create-app.js";
import { problemResponses } from "../../../shared/http/problem-schema.js";

const states = ["pending", "indexing", "indexed", "failed"] as const;

export const getIndexStatusRoute = createRoute({
  method: "get",
  path: "/index/status",
  operationId: "getIndexStatus",
  tags: ["index"],
  summary: "Document counts per index state",
  request: { query: z.object({ collection_id: z.uuid().optional() }) },
  responses: {
    200: {
      description: "Counts",
      content: {
        "application/json": {
          schema: z.object({
            collection_id: z.uuid().nullable(),
            counts: z.object({
              pending: z.number().int(),
              indexing: z.number().int(),
              indexed: z.number().int(),
              failed: z.number().int(),
            }),
            total: z.number().int(),
            chunks: z.number().int(),
          }),
        },
      },
    },
    ...problemResponses("not_found", "validation_failed"),
  },
});

export function registerGetIndexStatus(app: OpenAPIHono<AppEnv>) {
  app.openapi(getIndexStatusRoute, async (c) => {
    const { db } = c.var.deps;
    const { collection_id } = c.req.valid("query");
    if (collection_id === undefined) assertAllCollections(c.var.principal, "the status of every collection");
    else assertCollection(c.var.principal, collection_id);
    if (collection_id !== undefined) await getCollection(db, collection_id);
    const scope = collection_id === undefined ? sql`true` : sql`collection_id = ${collection_id}`;
    const rows = await db.query<{ index_status: (typeof states)[number]; n: number; chunks: number }>(sql`
      select index_status, count(*)::int as n, coalesce(sum(chunk_count), 0)::int as chunks
      from documents where deleted_at is null and ${scope} group by index_status`);
    const counts = { pending: 0, indexing: 0, indexed: 0, failed: 0 };
    for (const r of rows) counts[r.index_status] = r.n;
    return c.json(
      {
        collection_id: collection_id ?? null,
        counts,
        total: rows.reduce((s, r) => s + r.n, 0),
        chunks: rows.reduce((s, r) => s + r.chunks, 0),
      },
      200,
    );
  });
}
