import { describe, expect, it } from "vitest";
import { formatBytes } from "./format.js";

describe("formatBytes", () => {
  it.each([
    [0, "0 B"],
    [1023, "1023 B"],
    [1536, "1.5 KB"],
    [10 * 1024, "10 KB"],
    [5.25 * 1024 * 1024, "5.3 MB"],
    [3 * 1024 ** 4, "3.0 TB"],
    [2048 * 1024 ** 4, "2048 TB"],
  ])("%d bytes read as %s", (bytes, text) => {
    expect(formatBytes(bytes)).toBe(text);
  });
});
