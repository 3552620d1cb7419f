import { Readable } from "node:stream";
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { ApiError } from "../../../shared/errors/api-error.js";
import type { AppEnv } from "../../../shared/http/create-app.js";
import { problemResponses } from "../../../shared/http/problem-schema.js";
import { contentDisposition } from "../../../shared/storage/content-disposition.js";
import { FsObjectStore } from "../../../shared/storage/fs-object-store.js";

const SignedQuery = z.object({
  expires: z.coerce.number().int(),
  filename: z.string().max(1000),
  type: z.string().max(200),
  signature: z.string().max(200),
});

export const downloadFileRoute = createRoute({
  method: "get",
  path: "/files/{name}",
  operationId: "downloadFile",
  tags: ["upload"],
  summary: "Download through a signed link (filesystem store only)",
  description:
    "The target of links from /documents/{id}/download-url when objects are stored on the filesystem.",
  request: {
    params: z.object({ name: z.string().openapi({ param: { name: "name", in: "path" } }) }),
    query: SignedQuery,
  },
  responses: {
    200: {
      description: "The file",
      content: { "application/octet-stream": { schema: z.string().openapi({ format: "binary" }) } },
    },
    ...problemResponses("forbidden", "not_found", "validation_failed"),
  },
});

export function registerDownloadFile(app: OpenAPIHono<AppEnv>) {
  app.openAPIRegistry.registerPath(downloadFileRoute);
  app.get("/files/*", async (c) => {
    const store = c.var.deps.objects;
    if (!(store instanceof FsObjectStore))
      throw new ApiError("not_found", "Signed local links are not used with this object store");
    const query = SignedQuery.safeParse(c.req.query());
    if (!query.success) throw new ApiError("forbidden", "The link is incomplete or malformed");
    let name: string;
    try {
      name = decodeURIComponent(c.req.path.slice("/files/".length));
    } catch {
      throw new ApiError("forbidden", "The link is invalid or has expired");
    }
    let valid = false;
    try {
      const { type, ...signed } = query.data;
      valid = store.verify({ name, contentType: type, ...signed });
    } catch {
      valid = false;
    }
    if (!valid) throw new ApiError("forbidden", "The link is invalid or has expired");
    if (!(await store.exists(name))) throw new ApiError("not_found", "The file no longer exists");
    return c.body(Readable.toWeb(store.stream(name)) as ReadableStream, 200, {
      "content-type": query.data.type,
      "content-disposition": contentDisposition(query.data.filename),
      "cache-control": "private, no-store",
      "x-content-type-options": "nosniff",
    });
  });
}
