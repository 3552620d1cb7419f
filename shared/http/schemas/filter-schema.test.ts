import { z } from "@hono/zod-openapi";
import { describe, expect, it } from "vitest";
import { filterLimits } from "../../documents/parse-filter.js";
import { filterComponents, QueryFilterSchema } from "./filter-schema.js";
import { selfContained } from "./self-contained-schema.js";

describe("QueryFilterSchema", () => {
  it("accepts a filter with operators and refuses a bad operator with its path", () => {
    expect(QueryFilterSchema.safeParse({ metadata: { year: { $gte: 2020 } } }).success).toBe(true);
    const bad = QueryFilterSchema.safeParse({ $or: [{ metadata: { year: { $gt: true } } }] });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.map((i) => i.path.join("."))).toEqual(["$or.0.metadata.year.$gt"]);
  });

  it("makes a self-contained JSON Schema whose every $ref resolves, one level per nesting", () => {
    const json = z.toJSONSchema(z.object({ filter: QueryFilterSchema }), { unrepresentable: "any" });
    const schema = selfContained(json, filterComponents);
    const defs = schema.definitions as Record<string, unknown>;
    const refs = [...JSON.stringify(schema).matchAll(/"\$ref":"#\/definitions\/(\w+)"/g)].map((m) => m[1]);
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of refs) expect(defs).toHaveProperty(ref as string);
    expect(Object.keys(defs).filter((k) => k.startsWith("QueryFilterLevel"))).toHaveLength(
      filterLimits.depth - 1,
    );
    expect(JSON.stringify(schema)).not.toContain("#/components/");
  });

  it("refuses to make whole a schema naming a component it was not given", () => {
    expect(() => selfContained({ $ref: "#/components/schemas/Nowhere" }, filterComponents)).toThrow(
      /Nowhere/,
    );
  });
});
