import type { OpenAPIHono } from "@hono/zod-openapi";
import { listCountedCollections } from "../../../shared/collections/collection-counts.js";
import type { AppEnv } from "../../../shared/http/create-app.js";
import { problemResponses } from "../../../shared/http/problem-schema.js";
import { policyRoute, rateLimited, requireKey } from "../../../shared/http/route-policy.js";
import { CollectionPageSchema, collectionView } from "../../../shared/http/schemas/collection-schema.js";
import { PageQuery } from "../../../shared/http/schemas/common.js";

export const listCollectionsRoute = policyRoute({
  method: "get",
  path: "/collections",
  operationId: "listCollections",
  tags: ["upload"],
  summary: "List collections",
  description: "The collections the key may use, oldest first, each with its counts.",
  middleware: [requireKey("read"), rateLimited("default")],
  request: { query: PageQuery },
  responses: {
    200: {
      description: "A page of collections",
      content: {
        "application/json": {
          schema: CollectionPageSchema,
        },
      },
    },
    ...problemResponses("validation_failed"),
  },
});

export function registerListCollections(app: OpenAPIHono<AppEnv>) {
  app.openapi(listCollectionsRoute, async (c) => {
    const page = c.req.valid("query");
    const { items, total } = await listCountedCollections(c.var.deps.db, c.var.principal, page);
    return c.json({ items: items.map((i) => collectionView(i.collection, i.counts)), total, ...page }, 200);
  });
}
