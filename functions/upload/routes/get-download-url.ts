import { type OpenAPIHono, z } from "@hono/zod-openapi";
import { issueDownloadUrl } from "../../../shared/documents/download-url.js";
import type { AppEnv } from "../../../shared/http/create-app.js";
import { problemResponses } from "../../../shared/http/problem-schema.js";
import { policyRoute, rateLimited, requireKey } from "../../../shared/http/route-policy.js";
import { IdParams } from "../../../shared/http/schemas/common.js";

export const getDownloadUrlRoute = policyRoute({
  method: "get",
  path: "/documents/{id}/download-url",
  operationId: "getDownloadUrl",
  tags: ["upload"],
  summary: "Get a short-lived download link",
  description:
    "A presigned URL (MinIO) or a signed, expiring local URL (filesystem store). Every link issued is audit logged.",
  middleware: [requireKey("read"), rateLimited("default")],
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
    const link = await issueDownloadUrl(c.var.deps, c.var.principal, c.req.valid("param").id);
    return c.json({ url: link.url, expires_at: link.expiresAt.toISOString() }, 200);
  });
}
