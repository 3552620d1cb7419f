import { Readable } from "node:stream";
import { type OpenAPIHono, z } from "@hono/zod-openapi";
import type { AppEnv } from "../../../shared/http/create-app.js";
import { problemResponses } from "../../../shared/http/problem-schema.js";
import {
  policyRoute,
  publicAccess,
  rateLimited,
  registerUnvalidatedRoute,
} from "../../../shared/http/route-policy.js";
import { contentDisposition } from "../../../shared/storage/content-disposition.js";
import { openSignedFile } from "../../../shared/storage/open-signed-file.js";

const SignedQuery = z.object({
  expires: z.coerce
    .number()
    .int()
    .openapi({ type: "integer", description: "Unix time the link expires", param: { required: true } }),
  filename: z.string().max(1000),
  type: z.string().max(200),
  signature: z.string().max(200),
});

export const downloadFileRoute = policyRoute({
  method: "get",
  path: "/files/{name}",
  operationId: "downloadFile",
  tags: ["upload"],
  summary: "Download through a signed link (filesystem store only)",
  description:
    "The target of links from /documents/{id}/download-url when objects are stored on the filesystem. " +
    "Any link that is malformed, incomplete, altered or expired is refused with 403, alike.",
  middleware: [publicAccess("the link's signature is its credential"), rateLimited("default")],
  request: {
    params: z.object({ name: z.string().openapi({ param: { name: "name", in: "path" } }) }),
    query: SignedQuery,
  },
  responses: {
    200: {
      description: "The file",
      content: { "application/octet-stream": { schema: z.string().openapi({ format: "binary" }) } },
    },
    ...problemResponses("forbidden", "not_found"),
  },
});

export function registerDownloadFile(app: OpenAPIHono<AppEnv>) {
  // Object names hold a slash (documents/<id>): the path is matched whole and read here.
  registerUnvalidatedRoute(
    app,
    downloadFileRoute,
    async (c) => {
      const query = SignedQuery.safeParse(c.req.query());
      const file = await openSignedFile(
        c.var.deps.objects,
        query.success ? { encodedName: c.req.path.slice("/files/".length), ...query.data } : undefined,
      );
      return c.body(Readable.toWeb(file.stream) as ReadableStream, 200, {
        "content-type": file.contentType,
        "content-disposition": contentDisposition(file.filename),
        "cache-control": "private, no-store",
        "x-content-type-options": "nosniff",
      });
    },
    "/files/*",
  );
}
