import { type OpenAPIHono, z } from "@hono/zod-openapi";
import type { AppEnv } from "../../../shared/http/create-app.js";
import {
  policyRoute,
  rateLimited,
  registerUnvalidatedRoute,
  requireKey,
} from "../../../shared/http/route-policy.js";
import { browserOrigins } from "../mcp/browser-origins.js";

const JsonRpcId = z.union([
  z.string(),
  z.number().int().min(Number.MIN_SAFE_INTEGER).max(Number.MAX_SAFE_INTEGER),
]);

// `_meta` is the one member of params the transport itself reads.
const JsonRpcParams = z.looseObject({
  _meta: z.looseObject({ progressToken: JsonRpcId.optional() }).optional(),
});

const JsonRpcMessage = z
  .strictObject({
    jsonrpc: z.literal("2.0"),
    id: JsonRpcId.optional().openapi({ description: "Absent on a notification." }),
    method: z.string().openapi({ example: "tools/call" }),
    params: JsonRpcParams.optional(),
  })
  .openapi("JsonRpcMessage", {
    description: "A JSON-RPC 2.0 request or notification of the Model Context Protocol.",
    example: {
      jsonrpc: "2.0",
      id: 1,
      method: "tools/call",
      params: {
        name: "search",
        arguments: { collection_id: "0f8fad5b-d9cb-469f-a165-70867728950e", query: "objection deadline" },
      },
    },
  });

const JsonRpcError = z.object({
  code: z.number().int(),
  message: z.string(),
  data: z.unknown().optional(),
});

const JsonRpcResponse = z
  .object({
    jsonrpc: z.literal("2.0"),
    id: JsonRpcId.nullable(),
    result: z.record(z.string(), z.unknown()).optional(),
    error: JsonRpcError.optional(),
  })
  .openapi("JsonRpcResponse", { description: "A JSON-RPC 2.0 response: `result` or `error`." });

const transportError = (description: string) => ({
  description,
  content: { "application/json": { schema: JsonRpcResponse } },
});

export const mcpRoute = policyRoute({
  method: "post",
  path: "/mcp",
  operationId: "mcp",
  tags: ["query"],
  summary: "Model Context Protocol server (Streamable HTTP)",
  description:
    "An MCP server for assistants and agents (docs/mcp.md): tools `search` (POST /query), `list_collections` " +
    "(GET /collections) and `get_document` (GET /documents/{id} and its text), run as the calling key with its " +
    "scopes and collections. Stateless: no `Mcp-Session-Id`, any replica answers any request, every answer is " +
    "JSON (no event stream), and GET and DELETE /mcp answer 405. `Accept` must name both `application/json` and " +
    "`text/event-stream`, or be absent or a wildcard. Each POST counts once against the caller's query rate limit. A tool's failure " +
    "(such as a collection the key may not use) is a tool result with `isError: true`, not an HTTP error. A request " +
    "with an `Origin` header (a browser page) is refused 403 unless MCP_ALLOWED_ORIGINS names that origin.",
  middleware: [browserOrigins(), requireKey("read"), rateLimited("query")],
  request: {
    body: {
      required: true,
      // A batch of notifications only (an empty one too) is answered 202.
      content: { "application/json": { schema: z.union([JsonRpcMessage, z.array(JsonRpcMessage)]) } },
    },
  },
  responses: {
    200: {
      description: "The answer to the request(s)",
      content: { "application/json": { schema: z.union([JsonRpcResponse, z.array(JsonRpcResponse)]) } },
    },
    202: { description: "Notifications accepted; nothing to answer" },
    400: transportError("Not JSON, or not a JSON-RPC message"),
    406: transportError("Accept names neither both application/json and text/event-stream, nor a wildcard"),
    415: transportError("The body is not application/json"),
  },
});

/**
 * POST /mcp. The SDK and the tools are loaded by the first MCP request, so the function's start
 * (and POST /query's first answer) does not wait for them.
 */
export function registerMcp(app: OpenAPIHono<AppEnv>) {
  registerUnvalidatedRoute(app, mcpRoute, async (c) => {
    const { answerMcp } = await import("../mcp/answer-mcp.js");
    return answerMcp({ deps: c.var.deps, principal: c.var.principal, requestId: c.var.requestId }, c.req.raw);
  });
}
