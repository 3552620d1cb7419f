import { type OpenAPIHono, z } from "@hono/zod-openapi";
import { createCollection } from "../../../shared/collections/create-collection.js";
import type { AppEnv } from "../../../shared/http/create-app.js";
import { problemResponses } from "../../../shared/http/problem-schema.js";
import { policyRoute, rateLimited, requireKey } from "../../../shared/http/route-policy.js";
import {
  AnalyticsTextSchema,
  ChunkingOverridesSchema,
  CollectionLanguageSchema,
  CollectionNameSchema,
  CollectionOcrLanguagesSchema,
  CollectionRerankSchema,
  CollectionSchema,
  collectionView,
} from "../../../shared/http/schemas/collection-schema.js";
import { storedText } from "../../../shared/http/schemas/text.js";

const CreateCollectionBody = z.object({
  name: CollectionNameSchema,
  description: storedText().max(2000).optional().openapi({ example: "Published council policies" }),
  chunking: ChunkingOverridesSchema.optional(),
  language: CollectionLanguageSchema.optional(),
  ocr_languages: CollectionOcrLanguagesSchema.optional(),
  analytics_text: AnalyticsTextSchema.optional().openapi({ description: "off when absent" }),
  rerank: CollectionRerankSchema.optional(),
});

export const createCollectionRoute = policyRoute({
  method: "post",
  path: "/collections",
  operationId: "createCollection",
  tags: ["upload"],
  summary: "Create a collection",
  description:
    "A collection records the embedding model and dimension it is built with, the language keyword " +
    "search analyses its text with, and the languages OCR reads its scanned pages and images in.",
  middleware: [requireKey("write", "all"), rateLimited("default")],
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
    const collection = await createCollection(c.var.deps, c.var.principal, c.req.valid("json"));
    return c.json(collectionView(collection), 201);
  });
}
