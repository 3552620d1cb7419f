import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { audit } from "../../../shared/audit/audit-log.js";
import { assertCollection } from "../../../shared/auth/principal.js";
import { getDocument } from "../../../shared/documents/find-documents.js";
import { dependencyUnavailable } from "../../../shared/errors/api-error.js";
import type { AppEnv } from "../../../shared/http/create-app.js";
import { problemResponses } from "../../../shared/http/problem-schema.js";
import { IdParams } from "../../../shared/http/schemas/common.js";

export const getDownloadUrlRoute = createRoute({
  method: "get",
  path: "/documents/{id}/download-url",
  operationId: "getDownloadUrl",
  tags: ["upload"],
  summary: "Get a short-lived download link",
  description:
    "A presigned URL (MinIO) or a signed, expiring local URL (filesystem store). Every link issued is audit logged.",
  request: { params: IdParams },
  responses: {
    200: {
      description: "The link",
      content: {
        "application/json": {
          schema: z.object({ url: z.url(), expires_at: z.string().openapi({ format: "date-time" }) }),
        },
      },
    },
    ...problemResponses("not_found", "validation_failed", "service_unavailable"),
  },
});

export function registerGetDownloadUrl(app: OpenAPIHono<AppEnv>) {
  app.openapi(getDownloadUrlRoute, async (c) => {
    const { db, objects, config } = c.var.deps;
    const doc = await getDocument(db, c.req.valid("param").id);
    assertCollection(c.var.principal, doc.collection_id);
    const ttlSeconds = config.DOWNLOAD_URL_TTL_S;
    let url: string;
    try {
      url = await objects.presignGet(doc.object_name, {
        ttlSeconds,
        filename: doc.filename,
        contentType: doc.content_type,
      });
    } catch (error) {
      throw dependencyUnavailable("The object store", error);
    }
    await audit(db, {
      actor: c.var.principal.name,
      action: "document.download_url",
      target: doc.id,
      details: { ttl_s: ttlSeconds },
    });
    return c.json({ url, expires_at: new Date(Date.now() + ttlSeconds * 1000).toISOString() }, 200);
  });
}
