import { readFile } from "node:fs/promises";
import { validate } from "@readme/openapi-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { functionDocPaths } from "../../shared/http/openapi-info.js";
import { functionNames } from "../../shared/http/route-table.js";
import { buildMergedDocument } from "../../tools/openapi-document.js";
import { type EmbeddedStack, startEmbeddedStack } from "../support/embedded-stack.js";

const committed = () => readFile(new URL("../../openapi.yaml", import.meta.url), "utf8");

describe("openapi.yaml", () => {
  it("is what the route schemas generate (run `npm run openapi` after changing a route)", async () => {
    expect(parse(await committed())).toEqual(JSON.parse(JSON.stringify(buildMergedDocument())));
  });

  it("is valid OpenAPI 3.1", async () => {
    const result = await validate(parse(await committed()));
    expect(result.valid ? [] : result.errors).toEqual([]);
  });

  it("documents every route with an operationId, a tag, and problem+json errors", async () => {
    const doc = parse(await committed()) as {
      paths: Record<
        string,
        Record<
          string,
          {
            operationId?: string;
            tags?: string[];
            responses: Record<string, { content?: Record<string, unknown> }>;
          }
        >
      >;
    };
    const operations = Object.values(doc.paths).flatMap((item) => Object.values(item));
    expect(operations.length).toBeGreaterThanOrEqual(16);
    for (const op of operations) {
      expect(op.operationId).toBeTruthy();
      expect(functionNames).toContain(op.tags?.[0]);
      for (const [status, response] of Object.entries(op.responses)) {
        // Readiness reports to orchestrators; Dify's retrieval answers in Dify's error shape
        // (docs/decisions.md, "Dify's External Knowledge API"); MCP's transport in JSON-RPC's.
        if (Number(status) >= 400 && op.operationId === "difyRetrieval") {
          expect(response.content?.["application/json"], `${op.operationId} ${status}`).toEqual({
            schema: { $ref: "#/components/schemas/DifyError" },
          });
        } else if (
          Number(status) >= 400 &&
          op.operationId === "mcp" &&
          ["400", "406", "415"].includes(status)
        ) {
          // The MCP transport's own refusals are JSON-RPC errors, as MCP clients read them.
          expect(response.content?.["application/json"], `${op.operationId} ${status}`).toEqual({
            schema: { $ref: "#/components/schemas/JsonRpcResponse" },
          });
        } else if (Number(status) >= 400 && op.operationId !== "getReadiness") {
          expect(Object.keys(response.content ?? {}), `${op.operationId} ${status}`).toEqual([
            "application/problem+json",
          ]);
        }
      }
    }
  });
});

describe("served documents", () => {
  let stack: EmbeddedStack;
  beforeAll(async () => {
    stack = await startEmbeddedStack();
  });
  afterAll(() => stack.close());

  it.each(functionNames)("%s serves its own document", async (name) => {
    const r = await stack.json<{
      openapi: string;
      paths: Record<string, Record<string, { tags: string[] }>>;
    }>(functionDocPaths[name]);
    expect(r.status).toBe(200);
    expect(r.body.openapi).toBe("3.1.0");
    const tags = Object.values(r.body.paths).flatMap((item) => Object.values(item).map((op) => op.tags[0]));
    expect(new Set(tags)).toEqual(new Set([name]));
  });

  it("the all-in-one server serves /openapi.yaml and the /docs page with local assets", async () => {
    const yaml = await stack.request("/openapi.yaml");
    expect(yaml.status).toBe(200);
    expect(await yaml.text()).toBe(await committed());
    const page = await stack.request("/docs/");
    const html = await page.text();
    expect(html).toContain('src="/docs/swagger-ui-bundle.js"');
    expect(html).not.toMatch(/https?:\/\//);
    expect((await stack.request("/docs/swagger-ui-bundle.js")).status).toBe(200);
    expect((await stack.request("/docs/../package.json")).status).toBe(404);
  });
});
