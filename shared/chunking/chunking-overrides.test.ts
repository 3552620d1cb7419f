import { describe, expect, it } from "vitest";
import { documentKinds } from "../extract/document-kind.js";
import { adaptiveChunkSettings } from "./chunk-settings.js";
import { ChunkingOverridesSchema } from "./chunking-overrides.js";

const issues = (value: unknown) =>
  ChunkingOverridesSchema.safeParse(value).error?.issues.map((i) => i.path.join(".")) ?? [];

describe("ChunkingOverridesSchema", () => {
  it("has a key for every document kind, and only those", () => {
    expect(Object.keys(ChunkingOverridesSchema.shape).sort()).toEqual([...documentKinds].sort());
  });

  it.each([
    {},
    { pdf: { size: 800, overlap: 80 } },
    { csv: { size: 50 } },
    { md: {} },
    { txt: { size: 20_000, overlap: 0 } },
    { docx: { overlap: 799 } },
  ])("accepts %j, which indexing then uses without complaint", (overrides) => {
    expect(issues(overrides)).toEqual([]);
    for (const kind of documentKinds)
      expect(() => adaptiveChunkSettings(kind, 100_000, overrides)).not.toThrow();
  });

  it.each([
    [{ xls: {} }, ""],
    [{ pdf: { sise: 800 } }, "pdf"],
    [{ pdf: { size: 49 } }, "pdf.size"],
    [{ pdf: { size: 100, overlap: 100 } }, "pdf.overlap"],
    [{ pdf: { overlap: 1024 } }, "pdf.overlap"],
    [{ txt: { size: 120 } }, "txt.size"],
    [{ pdf: null }, "pdf"],
  ])("refuses %j at %s", (overrides, path) => {
    expect(issues(overrides)).toEqual([path]);
  });

  it("names the default that makes an override fail", () => {
    const message = ChunkingOverridesSchema.safeParse({ txt: { size: 100 } }).error?.issues[0]?.message;
    expect(message).toBe("overlap 120 (the txt default) must be below size 100");
  });
});
