import { describe, expect, it } from "vitest";
import { filterLimits } from "../../documents/parse-filter.js";
import { QueryFilterSchema, queryFilterJsonSchema } from "./filter-schema.js";

describe("QueryFilterSchema", () => {
  it("accepts a filter with operators and refuses a bad operator with its path", () => {
    expect(QueryFilterSchema.safeParse({ metadata: { year: { $gte: 2020 } } }).success).toBe(true);
    const bad = QueryFilterSchema.safeParse({ $or: [{ metadata: { year: { $gt: true } } }] });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.map((i) => i.path.join("."))).toEqual(["$or.0.metadata.year.$gt"]);
  });

  it("has a self-contained JSON Schema whose every $ref resolves, one level per nesting", () => {
    const schema = queryFilterJsonSchema();
    const defs = schema.$defs as Record<string, unknown>;
    const refs = [...JSON.stringify(schema).matchAll(/"\$ref":"#\/\$defs\/(\w+)"/g)].map((m) => m[1]);
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of refs) expect(defs).toHaveProperty(ref as string);
    expect(Object.keys(defs).filter((k) => k.startsWith("QueryFilterLevel"))).toHaveLength(
      filterLimits.depth - 1,
    );
    expect(JSON.stringify(schema)).not.toContain("#/components/");
  });
});
