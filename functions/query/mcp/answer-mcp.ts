import { WebStandardStreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js";
import { AjvJsonSchemaValidator } from "@modelcontextprotocol/sdk/validation/ajv-provider.js";
import { createMcpServer, type McpRequestContext } from "./mcp-server.js";

// Only checks elicitation answers, which this server never asks for: one for the process.
let validator: AjvJsonSchemaValidator | undefined;

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
 * One MCP request, answered by a server and transport of its own (the SDK's stateless mode), in
 * JSON: the HTTP request lasts until the tools have answered, so it holds its admission ticket
 * and its log line times the work, as POST /query's do.
 */
export async function answerMcp(context: McpRequestContext, request: Request): Promise<Response> {
  validator ??= new AjvJsonSchemaValidator();
  const server = createMcpServer(context, validator);
  const transport = new WebStandardStreamableHTTPServerTransport({
    sessionIdGenerator: undefined,
    enableJsonResponse: true,
  });
  await server.connect(transport);
  try {
    return await transport.handleRequest(withExplicitAccept(request));
  } finally {
    await server.close();
  }
}
