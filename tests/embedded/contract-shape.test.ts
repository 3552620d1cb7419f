import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";

type Json = Record<string, unknown>;
const contract = parse(await readFile(new URL("../../openapi.yaml", import.meta.url), "utf8")) as {
  paths: Record<string, Record<string, Json>>;
  components: { schemas: Record<string, Json> };
};
const op = (path: string, method: string) => contract.paths[path]?.[method] as Json;

describe("openapi.yaml says what the routes do", () => {
  it("publishes /files/{name} as public, with an integer expiry, refusing bad links with 403 (not 422)", () => {
    const files = op("/files/{name}", "get");
    expect(files.security).toEqual([]);
    const params = files.parameters as { name: string; required: boolean; schema: Json }[];
    expect(params.find((p) => p.name === "expires")).toMatchObject({
      required: true,
      schema: { type: "integer" },
    });
    expect(Object.keys(files.responses as Json)).toEqual(expect.arrayContaining(["403", "404"]));
    expect(Object.keys(files.responses as Json)).not.toContain("422");
  });

  it("names object-or-null schemas as components, so generators make models of them", () => {
    const status = op("/backups/status", "get") as {
      responses: {
        200: { content: { "application/json": { schema: { properties: Record<string, Json> } } } };
      };
    };
    const props = status.responses[200].content["application/json"].schema.properties;
    for (const [field, component] of [
      ["last_drill", "DrillRecord"],
      ["target", "BackupTarget"],
    ] as const) {
      expect(JSON.stringify(props[field])).toContain(`#/components/schemas/${component}`);
      expect(contract.components.schemas[component]).toBeDefined();
    }
  });

  it("sends an upload's metadata as a JSON part", () => {
    const form = (op("/documents", "post").requestBody as { content: Record<string, Json> }).content[
      "multipart/form-data"
    ] as { schema: { properties: Record<string, Json> }; encoding: Record<string, Json> };
    expect(form.schema.properties.metadata).toMatchObject({ type: "object" });
    expect(form.encoding.metadata).toEqual({ contentType: "application/json" });
  });
});
