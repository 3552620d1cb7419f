import { describe, expect, it } from "vitest";
import { formatHours, formatRate, formatSeconds } from "./durations.js";

describe("formatHours", () => {
  it.each([
    [0, "0 min"],
    [0.4, "24 min"],
    [1, "1 h"],
    [5.55, "5.6 h"],
    [25.2, "25 h"],
    [50, "2.1 days"],
    [24 * 30, "30 days"],
  ])("%d hours read as %s", (hours, text) => {
    expect(formatHours(hours)).toBe(text);
  });
});

describe("formatSeconds", () => {
  it.each([
    [0, "0 s"],
    [42.4, "42 s"],
    [60, "1 min"],
    [95, "1 min 35 s"],
    [3600, "1 h"],
    [7300, "2 h 2 min"],
  ])("%d seconds read as %s", (seconds, text) => {
    expect(formatSeconds(seconds)).toBe(text);
  });
});

describe("formatRate", () => {
  it.each([
    [null, "—"],
    [0, "0 %"],
    [0.05, "5 %"],
    [0.1234, "12 %"],
    [0.0125, "1.3 %"],
    [1, "100 %"],
  ])("%s reads as %s", (rate, text) => {
    expect(formatRate(rate)).toBe(text);
  });
});
