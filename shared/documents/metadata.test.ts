import { describe, expect, it } from "vitest";
import { metadataIssues, metadataLimits, parseMetadata } from "./metadata.js";

const nested = (depth: number) => `${'{"a":'.repeat(depth - 1)}{"a":1}${"}".repeat(depth - 1)}`;
const paths = (text: string) => {
  const parsed = parseMetadata(text);
  return "issues" in parsed ? parsed.issues.map((i) => i.path.join(".")) : [];
};

describe("metadata", () => {
  it("accepts an object up to the depth bound and refuses one level more, naming where", () => {
    expect(parseMetadata(nested(metadataLimits.depth))).toHaveProperty("metadata");
    expect(paths(nested(metadataLimits.depth + 1))).toEqual(["a.a.a.a.a.a.a.a"]);
    expect(parseMetadata('{"list":[[[[[[[1]]]]]]]}')).toHaveProperty("metadata");
    expect(paths('{"list":[[[[[[[[1]]]]]]]]}')).toEqual(["list.0.0.0.0.0.0.0"]);
  });

  it("checks nesting of any depth without exhausting the stack", () => {
    for (const depth of [5_000, 100_000, 1_000_000]) {
      expect(paths(nested(depth)).length).toBe(1);
      expect(paths(`{"a":${"[".repeat(depth)}${"]".repeat(depth)}}`).length).toBe(1);
    }
  });

  it("counts keys and array items over all levels", () => {
    const keys = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, i]));
    expect(metadataIssues(keys(metadataLimits.entries))).toEqual([]);
    expect(metadataIssues({ ...keys(metadataLimits.entries - 1), list: [1] })).toHaveLength(1);
    expect(metadataIssues({ a: keys(200), b: keys(100) })).toHaveLength(1);
  });

  it("bounds key length, serialised size and number range", () => {
    expect(metadataIssues({ ["k".repeat(257)]: 1 })[0]?.message).toMatch(/256 characters/);
    expect(metadataIssues({ a: "x".repeat(16 * 1024) })[0]?.message).toMatch(/16384 bytes/);
    expect(metadataIssues({ a: "é".repeat(8 * 1024) })[0]?.message).toMatch(/bytes/);
    expect(paths('{"big":1e400}')).toEqual(["big"]);
  });

  it("refuses what is not a JSON object", () => {
    for (const text of ["[]", "null", "1", '"x"', "{", "{'a':1}"]) expect(paths(text), text).toEqual([""]);
  });

  it("keeps __proto__ and other Object.prototype names as ordinary keys", () => {
    const parsed = parseMetadata('{"__proto__":{"polluted":true},"constructor":"c","toString":1}');
    if (!("metadata" in parsed)) throw new Error("refused");
    expect(Object.keys(parsed.metadata)).toEqual(["__proto__", "constructor", "toString"]);
    expect(Object.getPrototypeOf(parsed.metadata)).toBe(Object.prototype);
    expect(JSON.stringify(parsed.metadata)).toBe(
      '{"__proto__":{"polluted":true},"constructor":"c","toString":1}',
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("a filter takes only string, number and boolean values", () => {
    expect(metadataIssues(JSON.parse('{"__proto__":"x","n":1,"b":false}'), { scalarValues: true })).toEqual(
      [],
    );
    for (const value of [null, {}, [], [1]]) {
      expect(metadataIssues({ k: value }, { scalarValues: true })).toHaveLength(1);
    }
  });
});
