import { describe, expect, it } from "vitest";
import { parseMetadataFilter } from "./metadata-filter.js";

describe("parseMetadataFilter", () => {
  it("reads key = value lines, with JSON scalars as such", () => {
    expect(
      parseMetadataFilter('department = planning\nyear=2024\nfinal = true\ncode = "2024"\n\n  note = a = b '),
    ).toEqual({
      filter: { department: "planning", year: 2024, final: true, code: "2024", note: "a = b" },
    });
  });

  it("is empty for blank text", () => {
    expect(parseMetadataFilter(" \n\r\n")).toEqual({ filter: {} });
  });

  it.each([
    ["no equals sign", "Line 1: write key = value"],
    ["ok = 1\n= value", "Line 2: write key = value"],
  ])("refuses %j", (text, error) => {
    expect(parseMetadataFilter(text)).toEqual({ error });
  });
});
