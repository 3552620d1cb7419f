import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { audit } from "../../../shared/audit/audit-log.js";
import { assertAllCollections } from "../../../shared/auth/principal.js";
import { createCollection } from "../../../shared/collections/collections.js";
import type { AppEnv } from "../../../shared/http/create-app.js";
import { problemResponses } from "../../../shared/http/problem-schema.js";
import {
  ChunkingOverridesSchema,
  CollectionNameSchema,
  CollectionSchema,
  collectionView,
} from "../../../shared/http/schemas/collection-schema.js";

const CreateCollectionBody = z.object({
  name: CollectionNameSchema,
  description: z.string().max(2000).optional().openapi({ example: "Published council policies" }),
  chunking: ChunkingOverridesSchema.optional(),
});

export const createCollectionRoute = createRoute({
  method: "post",
  path: "/collections",
  operationId: "createCollection",
  tags: ["upload"],
  summary: "Create a collection",
  description: "A collection records the embedding model and dimension it is built with.",
  request: { body: { required: true, content: { "application/json": { schema: CreateCollectionBody } } } },
  responses: {
    201: {
      description: "Created",
      content: { "application/json": { schema: CollectionSchema } },
      links: {
        GetCollection: { operationId: "getCollection", parameters: { id: "$response.body#/id" } },
      },
    },
    ...problemResponses("bad_request", "validation_failed", "conflict", "service_unavailable"),
  },
});

export function registerCreateCollection(app: OpenAPIHono<AppEnv>) {
  app.openapi(createCollectionRoute, async (c) => {
    const { db, vectors, embedder } = c.var.deps;
    assertAllCollections(c.var.principal, "creating a collection");
    const collection = await createCollection(db, vectors, embedder, c.req.valid("json"));
    await audit(db, { actor: c.var.principal.name, action: "collection.create", target: collection.id });
    return c.json(collectionView(collection), 201);
  });
}
