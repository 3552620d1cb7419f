import { z } from "@hono/zod-openapi";
import { Server } from "@modelcontextprotocol/sdk/server/index.js";
import {
  CallToolRequestSchema,
  type CallToolResult,
  ErrorCode,
  ListToolsRequestSchema,
  McpError,
  type Tool,
} from "@modelcontextprotocol/sdk/types.js";
import type { jsonSchemaValidator } from "@modelcontextprotocol/sdk/validation/types.js";
import { ApiError } from "../../../shared/errors/api-error.js";
import { apiVersion } from "../../../shared/http/openapi-info.js";
import { filterComponents } from "../../../shared/http/schemas/filter-schema.js";
import { metadataComponents } from "../../../shared/http/schemas/metadata-schema.js";
import { selfContained } from "../../../shared/http/schemas/self-contained-schema.js";
import { type McpTool, mcpTools, type ToolContext } from "./tools.js";

/**
 * JSON Schema from a route's zod schema, as clients validate it: draft-07, which the SDK's own
 * client (Ajv) reads. Types zod cannot describe (the filter checks itself) take the JSON Schema
 * the OpenAPI contract gives them, from their `.meta()`, with the components it names.
 */
function jsonSchemaOf(schema: z.ZodType, io: "input" | "output") {
  const json = z.toJSONSchema(schema, { io, target: "draft-7", unrepresentable: "any" });
  return selfContained(json, { ...filterComponents, ...metadataComponents }) as Tool["inputSchema"];
}

const listing: Tool[] = mcpTools.map((t) => ({
  name: t.name,
  title: t.title,
  description: t.description,
  inputSchema: jsonSchemaOf(t.input, "input"),
  outputSchema: jsonSchemaOf(t.output, "output"),
  // Every tool reads: clients may call them without asking the user each time.
  annotations: { title: t.title, readOnlyHint: true, destructiveHint: false, openWorldHint: false },
}));
const byName = new Map<string, McpTool>(mcpTools.map((t) => [t.name, t]));

const instructions =
  "Docstack retrieves passages from document collections. Call list_collections for the collection ids, " +
  "then search; quote what you use and cite it as the result's [n] line gives it (file name and page or " +
  "section). get_document reads more of a document around a passage.";

function toolError(text: string): CallToolResult {
  return { content: [{ type: "text", text }], isError: true };
}

export interface McpRequestContext extends ToolContext {
  requestId: string;
}

/**
 * What a failed tool call tells the model: the same code and detail the HTTP route's problem
 * would carry (a key limited to other collections: "forbidden"), so it can correct its call.
 * Unknown failures are logged with their stack and reported without internals.
 */
function failure(error: unknown, context: McpRequestContext, tool: string): CallToolResult {
  if (error instanceof ApiError) {
    if (error.status >= 500)
      context.deps.log.warn("mcp tool failed", {
        requestId: context.requestId,
        tool,
        code: error.code,
        error,
      });
    const issues = error.errors?.map((i) => ` ${i.path}: ${i.message}.`).join("") ?? "";
    const retry = error.retryAfter === undefined ? "" : ` Retry after ${error.retryAfter} s.`;
    return toolError(
      `${error.code} (${error.status}): ${error.message.replace(/\.$/, "")}.${issues}${retry}`,
    );
  }
  context.deps.log.error("mcp tool failed", { requestId: context.requestId, tool, error });
  return toolError(`internal (500): the tool failed; request id ${context.requestId}.`);
}

/**
 * An MCP server for one HTTP request (the stateless Streamable HTTP mode: nothing outlives the
 * request, so any replica can answer any request). Its tools run as `context.principal`.
 */
export function createMcpServer(context: McpRequestContext, validator: jsonSchemaValidator): Server {
  const server = new Server(
    { name: "docstack", title: "Docstack", version: apiVersion },
    { capabilities: { tools: {} }, instructions, jsonSchemaValidator: validator },
  );
  server.setRequestHandler(ListToolsRequestSchema, () => ({ tools: listing }));
  server.setRequestHandler(CallToolRequestSchema, async (request): Promise<CallToolResult> => {
    const { name, arguments: args } = request.params;
    const tool = byName.get(name);
    if (tool === undefined)
      throw new McpError(
        ErrorCode.InvalidParams,
        `No tool ${name}; there are ${[...byName.keys()].join(", ")}`,
      );
    const parsed = tool.input.safeParse(args ?? {});
    if (!parsed.success) {
      const issues = parsed.error.issues.map(
        (i) => `${i.path.map(String).join(".") || "(root)"}: ${i.message}`,
      );
      return toolError(
        `validation_failed (422): the arguments do not match the schema. ${issues.join("; ")}`,
      );
    }
    try {
      const { text, structured } = await tool.run(context, parsed.data);
      return { content: [{ type: "text", text }], structuredContent: structured as Record<string, unknown> };
    } catch (error) {
      return failure(error, context, name);
    }
  });
  return server;
}
