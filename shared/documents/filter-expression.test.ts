import { describe, expect, it } from "vitest";
import { render } from "../db/sql.js";
import { filterSql } from "./filter-expression.js";
import { parseFilter } from "./parse-filter.js";

const hostile = "x'); drop table documents; --";

function rendered(filter: unknown) {
  const parsed = parseFilter(filter);
  if (!("expression" in parsed) || parsed.expression === undefined) throw new Error("no expression");
  return render(filterSql(parsed.expression));
}

describe("filterSql", () => {
  it.each([
    ["a metadata key", { metadata: { [hostile]: { $gt: 1 } } }],
    ["a metadata value", { metadata: { k: { $contains: hostile } } }],
    ["an $in list", { metadata: { k: { $in: [hostile, 2] } } }],
    ["a file name", { filename: { $gte: hostile } }],
    [
      "a content type",
      { $or: [{ content_type: { $nin: [hostile] } }, { filename: { $contains: hostile } }] },
    ],
  ])("binds %s as a parameter, never as SQL text", (_name, filter) => {
    const { text, params } = rendered(filter);
    expect(text).not.toContain("drop table");
    expect(JSON.stringify(params)).toContain("drop table");
  });

  it("gives dates to the database as UTC instants, whatever offset they came with", () => {
    expect(rendered({ upload_date: { $gt: "2024-05-01T02:00:00+02:00" } }).params).toEqual([
      "2024-05-01T00:00:00.000Z",
    ]);
    expect(rendered({ upload_date: "2024-05-01" }).params).toEqual(["2024-05-01T00:00:00.000Z"]);
    // Offsets that carry an instant past year 1 or 9999 meet the bound (no document lies beyond it).
    expect(rendered({ upload_date: { $gt: "0001-01-01T00:00:00+01:00" } }).params).toEqual([
      "0001-01-01T00:00:00.000Z",
    ]);
    expect(rendered({ upload_date: { $lt: "9999-12-31T23:59:59-01:00" } }).params).toEqual([
      "9999-12-31T23:59:59.999Z",
    ]);
  });

  it("nests and/or in parentheses", () => {
    const { text } = rendered({ metadata: { a: 1 }, $or: [{ metadata: { b: 2 } }, { metadata: { c: 3 } }] });
    expect(text).toMatch(/^\(.* and \(.* or .*\)\)$/);
  });
});
