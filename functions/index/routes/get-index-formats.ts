import { type OpenAPIHono, z } from "@hono/zod-openapi";
import type { AppEnv } from "../../../shared/http/create-app.js";
import { problemResponses } from "../../../shared/http/problem-schema.js";
import { policyRoute, rateLimited, requireKey } from "../../../shared/http/route-policy.js";
import { indexFormats } from "../../../shared/indexing/index-formats.js";

export const getIndexFormatsRoute = policyRoute({
  method: "get",
  path: "/index/formats",
  operationId: "getIndexFormats",
  tags: ["index"],
  summary: "The formats this index function reads",
  description:
    "On Node every format Docstack accepts. On Cloudflare Workers only those whose parsers fit a Worker: PDF and " +
    "images (pdf.js data files, OCR, memory) are not read there, nor text whose character encoding is neither " +
    "marked, declared nor UTF-8 (the encoding detector is not in the Workers bundle). Such documents stay pending, " +
    "with index_error saying so, until an index worker on Node reads them.",
  middleware: [requireKey("read"), rateLimited("default")],
  responses: {
    200: {
      description: "The runtime and, per format, whether it is read here",
      content: {
        "application/json": {
          schema: z.object({
            runtime: z.enum(["node", "workers"]),
            formats: z.array(
              z.object({
                format: z.string().openapi({ example: "pdf" }),
                content_type: z.string().openapi({ example: "application/pdf" }),
                read_here: z.boolean(),
              }),
            ),
          }),
        },
      },
    },
    ...problemResponses(),
  },
});

export function registerGetIndexFormats(app: OpenAPIHono<AppEnv>) {
  app.openapi(getIndexFormatsRoute, (c) => c.json(indexFormats(c.var.deps.extractor), 200));
}
