import { describe, expect, it } from "vitest";
import { backoffMs, retryAfterMs } from "./retry-after.js";

const now = Date.parse("2026-03-01T12:00:00Z");

describe("retryAfterMs", () => {
  it.each([
    ["20", 20_000],
    [" 0 ", 0],
    ["Sun, 01 Mar 2026 12:00:07 GMT", 7_000],
    ["Sunday, 01-Mar-26 12:00:03 GMT", 3_000],
    ["Sun, 01 Mar 2026 11:59:00 GMT", 0],
  ])("reads %j as %i ms", (header, ms) => {
    expect(retryAfterMs(header, now)).toBe(ms);
  });

  it.each([null, "", "soon", "1.5", "-3", "5 seconds"])("has no answer for %j", (header) => {
    expect(retryAfterMs(header, now)).toBeUndefined();
  });
});

describe("backoffMs", () => {
  it("stays under base·2^attempt and under the cap", () => {
    expect(backoffMs(0, 500, 30_000, () => 0.999)).toBe(500);
    expect(backoffMs(3, 500, 30_000, () => 0.999)).toBe(3996);
    expect(backoffMs(10, 500, 30_000, () => 0.999)).toBe(29_970);
    expect(backoffMs(4, 500, 30_000, () => 0)).toBe(0);
  });
});
