import type { OpenAPIHono } from "@hono/zod-openapi";
import { getCountedCollection } from "../../../shared/collections/collection-counts.js";
import type { AppEnv } from "../../../shared/http/create-app.js";
import { problemResponses } from "../../../shared/http/problem-schema.js";
import { policyRoute, rateLimited, requireKey } from "../../../shared/http/route-policy.js";
import { CollectionSchema, collectionView } from "../../../shared/http/schemas/collection-schema.js";
import { IdParams } from "../../../shared/http/schemas/common.js";

export const getCollectionRoute = policyRoute({
  method: "get",
  path: "/collections/{id}",
  operationId: "getCollection",
  tags: ["upload"],
  summary: "Get a collection",
  middleware: [requireKey("read"), rateLimited("default")],
  request: { params: IdParams },
  responses: {
    200: { description: "The collection", content: { "application/json": { schema: CollectionSchema } } },
    ...problemResponses("not_found", "validation_failed"),
  },
});

export function registerGetCollection(app: OpenAPIHono<AppEnv>) {
  app.openapi(getCollectionRoute, async (c) => {
    const { collection, counts } = await getCountedCollection(
      c.var.deps.db,
      c.var.principal,
      c.req.valid("param").id,
    );
    return c.json(collectionView(collection, counts), 200);
  });
}
