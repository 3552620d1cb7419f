import { type OpenAPIHono, z } from "@hono/zod-openapi";
import { WebStandardStreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js";
import { AjvJsonSchemaValidator } from "@modelcontextprotocol/sdk/validation/ajv-provider.js";
import type { AppEnv } from "../../../shared/http/create-app.js";
import {
  policyRoute,
  rateLimited,
  registerUnvalidatedRoute,
  requireKey,
} from "../../../shared/http/route-policy.js";
import { createMcpServer } from "../mcp/mcp-server.js";

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
    "(such as a collection the key may not use) is a tool result with `isError: true`, not an HTTP error.",
  middleware: [requireKey("read"), rateLimited("query")],
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
 * The transport wants Accept to name both JSON and an event stream. No Accept, or one with a
 * wildcard, accepts both (RFC 9110), and this server only ever answers JSON: such requests pass.
 */
function withExplicitAccept(request: Request): Request {
  const accept = request.headers.get("accept") ?? "*/*";
  if (!/(^|,)\s*(\*\/\*|application\/\*)/.test(accept)) return request;
  const headers = new Headers(request.headers);
  headers.set("accept", "application/json, text/event-stream");
  return new Request(request, { headers });
}

/**
 * POST /mcp. A server and transport per request (the SDK's stateless mode), answering in JSON:
 * the request holds its admission ticket and appears in the request log until the tools have
 * answered, as POST /query does.
 */
export function registerMcp(app: OpenAPIHono<AppEnv>) {
  // Only used to check elicitation answers, which this server never asks for: one per app.
  const validator = new AjvJsonSchemaValidator();
  registerUnvalidatedRoute(app, mcpRoute, async (c) => {
    const server = createMcpServer(
      { deps: c.var.deps, principal: c.var.principal, requestId: c.var.requestId },
      validator,
    );
    const transport = new WebStandardStreamableHTTPServerTransport({
      sessionIdGenerator: undefined,
      enableJsonResponse: true,
    });
    await server.connect(transport);
    try {
      return await transport.handleRequest(withExplicitAccept(c.req.raw));
    } finally {
      await server.close();
    }
  });
}
