import { type OpenAPIHono, z } from "@hono/zod-openapi";
import { describeCaller } from "../../../shared/auth/describe-caller.js";
import type { AppEnv } from "../../../shared/http/create-app.js";
import { policyRoute, rateLimited, requireAnyKey } from "../../../shared/http/route-policy.js";

const CallerSchema = z
  .object({
    name: z
      .string()
      .openapi({ description: "The key's name, as audit rows and uploads record it", example: "ingest" }),
    kind: z.enum(["key", "anonymous"]).openapi({
      description: "anonymous: a development install with no keys yet, where every caller may do everything",
    }),
    key_prefix: z.string().nullable().openapi({
      description: "The key's first characters, to tell keys apart; null when anonymous",
      example: "dsk_3f9a1c",
    }),
    scopes: z
      .array(z.enum(["read", "write", "admin"]))
      .openapi({ description: "admin may do everything; read and write are separate", example: ["read"] }),
    collections: z
      .array(z.uuid())
      .nullable()
      .openapi({ description: "The collections the key is limited to; null: every collection" }),
    rate_limits: z
      .object({ query: z.number().int(), upload: z.number().int(), default: z.number().int() })
      .partial()
      .openapi({ description: "This key's own requests per minute, per route class, where it has its own" }),
  })
  .openapi("Caller");

export const getWhoamiRoute = policyRoute({
  method: "get",
  path: "/auth/whoami",
  operationId: "whoami",
  tags: ["upload"],
  summary: "Who the key is",
  description:
    "The presented key's name, scopes and collections, so a client (the console) can show only what the key may do. The server still checks every request.",
  middleware: [requireAnyKey(), rateLimited("default")],
  responses: {
    200: { description: "The caller", content: { "application/json": { schema: CallerSchema } } },
  },
});

export function registerGetWhoami(app: OpenAPIHono<AppEnv>) {
  app.openapi(getWhoamiRoute, (c) => c.json(describeCaller(c.var.principal), 200));
}
