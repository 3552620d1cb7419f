import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { assertCollection } from "../../../shared/auth/principal.js";
import { getCollection } from "../../../shared/collections/collections.js";
import type { AppEnv } from "../../../shared/http/create-app.js";
import { problemResponses } from "../../../shared/http/problem-schema.js";
import { CollectionSchema, collectionView } from "../../../shared/http/schemas/collection-schema.js";
import { IdParams } from "../../../shared/http/schemas/common.js";

export const getCollectionRoute = createRoute({
  method: "get",
  path: "/collections/{id}",
  operationId: "getCollection",
  tags: ["upload"],
  summary: "Get a collection",
  request: { params: IdParams },
  responses: {
    200: { description: "The collection", content: { "application/json": { schema: CollectionSchema } } },
    ...problemResponses("not_found", "validation_failed"),
  },
});

export function registerGetCollection(app: OpenAPIHono<AppEnv>) {
  app.openapi(getCollectionRoute, async (c) => {
    const { id } = c.req.valid("param");
    assertCollection(c.var.principal, id);
    return c.json(collectionView(await getCollection(c.var.deps.db, id)), 200);
  });
}
