import { describe, expect, it } from "vitest";
import { documentKinds } from "../extract/document-kind.js";
import { adaptiveChunkSettings, defaultChunkSettings, validateChunkSettings } from "./chunk-settings.js";

describe("defaultChunkSettings", () => {
  it("covers every kind with valid settings", () => {
    for (const kind of documentKinds)
      expect(() => validateChunkSettings(defaultChunkSettings[kind])).not.toThrow();
    expect(defaultChunkSettings.pdf).toEqual({ size: 1024, overlap: 100 });
    expect(defaultChunkSettings.csv).toEqual({ size: 1000, overlap: 0 });
  });
});

describe("adaptiveChunkSettings", () => {
  it("gives a short document a single chunk", () => {
    expect(adaptiveChunkSettings("pdf", 700)).toEqual({ size: 700, overlap: 0 });
    expect(adaptiveChunkSettings("pdf", 1024)).toEqual({ size: 1024, overlap: 0 });
    expect(adaptiveChunkSettings("txt", 0)).toEqual({ size: 1, overlap: 0 });
  });

  it("gives a medium document about three smaller chunks with proportional overlap", () => {
    expect(adaptiveChunkSettings("pdf", 2000)).toEqual({ size: 667, overlap: 65 });
    expect(adaptiveChunkSettings("docx", 1000)).toEqual({ size: 334, overlap: 33 });
    // Never below 256, never above the configured size.
    expect(adaptiveChunkSettings("pdf", 1100)).toEqual({ size: 367, overlap: 35 });
    expect(adaptiveChunkSettings("html", 950)).toEqual({ size: 317, overlap: 31 });
    expect(adaptiveChunkSettings("txt", 1300)).toEqual({ size: 434, overlap: 43 });
    expect(adaptiveChunkSettings("pdf", 4000)).toEqual({ size: 1024, overlap: 100 });
    expect(adaptiveChunkSettings("csv", 2500).overlap).toBe(0);
  });

  it("uses the configured settings for long documents", () => {
    expect(adaptiveChunkSettings("pdf", 4096)).toEqual({ size: 1024, overlap: 100 });
    expect(adaptiveChunkSettings("md", 1_000_000)).toEqual({ size: 1200, overlap: 120 });
  });

  it("keeps the adapted overlap below half the size", () => {
    const overrides = { txt: { size: 1000, overlap: 900 } };
    for (const length of [1001, 1500, 2500, 3999]) {
      const { size, overlap } = adaptiveChunkSettings("txt", length, overrides);
      expect(overlap).toBeLessThan(size / 2);
    }
  });

  it("applies per-collection overrides before adapting", () => {
    const overrides = { pdf: { size: 2048 }, md: { overlap: 0 } };
    expect(adaptiveChunkSettings("pdf", 100_000, overrides)).toEqual({ size: 2048, overlap: 100 });
    expect(adaptiveChunkSettings("pdf", 3000, overrides)).toEqual({ size: 1000, overlap: 48 });
    expect(adaptiveChunkSettings("md", 100_000, overrides)).toEqual({ size: 1200, overlap: 0 });
    expect(adaptiveChunkSettings("txt", 100_000, overrides)).toEqual({ size: 1200, overlap: 120 });
  });

  it.each([
    [{ size: 49 }],
    [{ size: 100, overlap: 100 }],
    [{ overlap: -1 }],
    [{ size: 100.5 }],
    [{ size: Number.NaN }],
  ])("rejects invalid overrides %j", (override) => {
    expect(() => adaptiveChunkSettings("txt", 10_000, { txt: override })).toThrow(RangeError);
  });

  it("rejects an invalid text length", () => {
    expect(() => adaptiveChunkSettings("txt", -1)).toThrow(RangeError);
    expect(() => adaptiveChunkSettings("txt", Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });
});
